// errors.cpp — ExceptionGroup and describe_exception().
#include <loopscope/errors.hpp>

#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <typeinfo>

namespace loopscope {

ExceptionGroup::ExceptionGroup(std::string message, std::vector<std::exception_ptr> errors)
    : m_message(std::move(message)), m_errors(std::move(errors)) {
  m_what = m_message + " (" + std::to_string(m_errors.size()) + " sub-exception" +
           (m_errors.size() == 1 ? "" : "s") + ")";
  for (const auto& e : m_errors) m_what += "\n  " + describe_exception(e);
}

namespace {
std::string demangle(const char* name) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> d(abi::__cxa_demangle(name, nullptr, nullptr, &status), std::free);
  std::string s = status == 0 && d ? d.get() : name;
  if (s.rfind("std::", 0) == 0) s = s.substr(5);
  return s;
}
std::string type_and_message(const std::exception_ptr& e, bool with_message) {
  if (!e) return {};
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    std::string type;
    if (auto* n = dynamic_cast<const NamedError*>(&x)) type = n->type_name();
    else type = demangle(typeid(x).name());
    if (!with_message) return type;
    std::string msg = x.what();
    return msg.empty() ? type : type + ": " + msg;
  } catch (const NamedError& n) {
    return n.type_name();
  } catch (...) {
    return "exception";
  }
}
}  // namespace

std::string describe_exception(const std::exception_ptr& e) { return type_and_message(e, true); }
std::string exception_type_name(const std::exception_ptr& e) { return type_and_message(e, false); }

bool is_cancelled_error(const std::exception_ptr& e) noexcept {
  if (!e) return false;
  try {
    std::rethrow_exception(e);
  } catch (const CancelledError&) {
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace loopscope
