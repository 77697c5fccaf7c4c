// errors.cpp — names of HTTP error kinds and the status each maps to.
#include <loopscope/net/errors.hpp>

namespace loopscope::net {

const char* to_string(HttpErrorKind k) noexcept {
  switch (k) {
    case HttpErrorKind::none: return "none";
    case HttpErrorKind::malformed: return "malformed";
    case HttpErrorKind::header_too_large: return "header_too_large";
    case HttpErrorKind::body_too_large: return "body_too_large";
    case HttpErrorKind::unexpected_eof: return "unexpected_eof";
    case HttpErrorKind::unsupported: return "unsupported";
  }
  return "?";
}

int status_for(HttpErrorKind k) noexcept {
  switch (k) {
    case HttpErrorKind::header_too_large: return 431;
    case HttpErrorKind::body_too_large: return 413;
    case HttpErrorKind::unsupported: return 501;
    default: return 400;
  }
}

}  // namespace loopscope::net
