// format.cpp — format(value, spec): Python's format mini-language for int, float, str and
// bool (fill, align, sign, '#', '0', width, ',' / '_', precision, type d f F e E g G % s x X o b).
#include "python/runtime/ops.hpp"
#include "text/utf8.hpp"

#include <cmath>
#include <cstdio>

namespace loopscope::python {

namespace {
struct Spec {
  std::string fill = " ";
  char align = 0;
  char sign = '-';
  bool alt = false;
  bool zero = false;
  int width = -1;
  char grouping = 0;
  int precision = -1;
  char type = 0;
};

bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

Spec parse_spec(std::string_view s) {
  Spec sp;
  std::size_t i = 0;
  // fill may be any code point
  std::size_t first_len = 1;
  while (first_len < s.size() && (static_cast<unsigned char>(s[first_len]) & 0xC0) == 0x80) ++first_len;
  if (s.size() > first_len && is_align(s[first_len])) {
    sp.fill = std::string(s.substr(0, first_len));
    sp.align = s[first_len];
    i = first_len + 1;
  } else if (!s.empty() && is_align(s[0])) {
    sp.align = s[0];
    i = 1;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
  if (i < s.size() && s[i] == '#') { sp.alt = true; ++i; }
  if (i < s.size() && s[i] == '0') { sp.zero = true; ++i; }
  if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    sp.width = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) sp.width = sp.width * 10 + (s[i++] - '0');
  }
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) sp.grouping = s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) value_error("Format specifier missing precision");
    sp.precision = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) sp.precision = sp.precision * 10 + (s[i++] - '0');
  }
  if (i < s.size()) sp.type = s[i++];
  if (i < s.size()) value_error("Invalid format specifier '" + std::string(s) + "'");
  return sp;
}

std::string group_digits(const std::string& digits, char sep) {
  // digits: integer part only
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[i];
    const std::size_t left = n - i - 1;
    if (left > 0 && left % 3 == 0) out += sep;
  }
  return out;
}

std::string pad(std::string body, const Spec& sp, char default_align, std::string sign_part = {}) {
  char align = sp.align ? sp.align : default_align;
  std::string fill = sp.fill;
  if (sp.zero && !sp.align) {
    align = '=';
    fill = "0";
  }
  const std::size_t len = utf8_length(sign_part) + utf8_length(body);
  if (sp.width < 0 || len >= static_cast<std::size_t>(sp.width)) return sign_part + body;
  const std::size_t n = static_cast<std::size_t>(sp.width) - len;
  auto rep = [&](std::size_t k) {
    std::string s;
    for (std::size_t i = 0; i < k; ++i) s += fill;
    return s;
  };
  switch (align) {
    case '<': return sign_part + body + rep(n);
    case '^': return rep(n / 2) + sign_part + body + rep(n - n / 2);
    case '=': return sign_part + rep(n) + body;
    default: return rep(n) + sign_part + body;
  }
}

std::string sign_of(bool negative, const Spec& sp) {
  if (negative) return "-";
  if (sp.sign == '+') return "+";
  if (sp.sign == ' ') return " ";
  return {};
}

std::string format_int(std::int64_t v, const Spec& sp) {
  const bool neg = v < 0;
  const unsigned long long mag = neg ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
  std::string digits;
  std::string prefix;
  char type = sp.type ? sp.type : 'd';
  switch (type) {
    case 'd':
    case 'n': digits = std::to_string(mag); break;
    case 'x':
    case 'X': {
      char b[32];
      std::snprintf(b, sizeof b, type == 'x' ? "%llx" : "%llX", mag);
      digits = b;
      if (sp.alt) prefix = type == 'x' ? "0x" : "0X";
      break;
    }
    case 'o': {
      char b[32];
      std::snprintf(b, sizeof b, "%llo", mag);
      digits = b;
      if (sp.alt) prefix = "0o";
      break;
    }
    case 'b': {
      unsigned long long m = mag;
      do { digits.insert(digits.begin(), static_cast<char>('0' + (m & 1))); m >>= 1; } while (m);
      if (sp.alt) prefix = "0b";
      break;
    }
    case 'c': return pad(text::utf8_of(static_cast<char32_t>(v)), sp, '<');
    default: value_error(std::string("Unknown format code '") + type + "' for object of type 'int'");
  }
  if (sp.grouping) digits = group_digits(digits, sp.grouping);
  return pad(digits, sp, '>', sign_of(neg, sp) + prefix);
}

std::string format_float(double v, const Spec& sp) {
  char type = sp.type;
  const bool neg = std::signbit(v) && !std::isnan(v);
  const double mag = std::fabs(v);
  std::string body;
  if (std::isinf(mag) || std::isnan(mag)) {
    body = std::isnan(mag) ? "nan" : "inf";
    if (type == 'F' || type == 'E' || type == 'G') body = std::isnan(mag) ? "NAN" : "INF";
    if (type == '%') body += "%";
    return pad(body, sp, '>', sign_of(neg, sp));
  }
  int prec = sp.precision;
  char buf[512];
  switch (type) {
    case 'f':
    case 'F':
      std::snprintf(buf, sizeof buf, "%.*f", prec < 0 ? 6 : std::min(prec, 300), mag);
      body = buf;
      break;
    case 'e':
    case 'E':
      std::snprintf(buf, sizeof buf, type == 'e' ? "%.*e" : "%.*E", prec < 0 ? 6 : std::min(prec, 300), mag);
      body = buf;
      break;
    case '%':
      std::snprintf(buf, sizeof buf, "%.*f", prec < 0 ? 6 : std::min(prec, 300), mag * 100);
      body = std::string(buf) + "%";
      break;
    case 'g':
    case 'G':
    case 'n':
      std::snprintf(buf, sizeof buf, type == 'G' ? "%.*G" : "%.*g", prec < 0 ? 6 : std::max(1, std::min(prec, 300)), mag);
      body = buf;
      break;
    case 0:
      if (prec < 0) {
        body = float_repr(mag);
      } else {
        std::snprintf(buf, sizeof buf, "%.*g", std::max(1, std::min(prec, 300)), mag);
        body = buf;
        if (body.find_first_of(".en") == std::string::npos) body += ".0";
      }
      break;
    default: value_error(std::string("Unknown format code '") + type + "' for object of type 'float'");
  }
  if (sp.grouping) {
    std::size_t end = body.find_first_of(".eE%");
    if (end == std::string::npos) end = body.size();
    body = group_digits(body.substr(0, end), sp.grouping) + body.substr(end);
  }
  return pad(body, sp, '>', sign_of(neg, sp));
}
}  // namespace

std::string format_value(const Value& v, std::string_view spec) {
  if (spec.empty()) return to_str(v);
  const Spec sp = parse_spec(spec);
  if (v.is_bool() && !sp.type) return pad(to_str(v), sp, '<');
  if (v.is_intlike()) {
    if (sp.type == 'f' || sp.type == 'F' || sp.type == 'e' || sp.type == 'E' || sp.type == 'g' || sp.type == 'G' || sp.type == '%')
      return format_float(static_cast<double>(v.as_int()), sp);
    if (sp.precision >= 0) value_error("Precision not allowed in integer format specifier");
    return format_int(v.as_int(), sp);
  }
  if (v.is_float()) return format_float(v.as_float(), sp);
  if (v.is(ObjKind::str)) {
    if (sp.type && sp.type != 's') value_error(std::string("Unknown format code '") + sp.type + "' for object of type 'str'");
    if (sp.sign != '-') value_error("Sign not allowed in string format specifier");
    std::string s = str_of(v);
    if (sp.precision >= 0 && static_cast<std::size_t>(sp.precision) < utf8_length(s)) s = s.substr(0, utf8_offset(s, static_cast<std::size_t>(sp.precision)));
    return pad(s, sp, '<');
  }
  if (sp.type) type_error("unsupported format string passed to " + type_name(v) + ".__format__");
  return pad(to_str(v), sp, '<');
}

}  // namespace loopscope::python
