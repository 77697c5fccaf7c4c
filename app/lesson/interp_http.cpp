// interp_http.cpp — the program's HTTP server and the http_get operation.
//
// The engine's HTTP client and server (engine/include/loopscope/net/http_*.hpp) are not part of
// this build yet, so a program that declares a server is validated as usual but http_get fails
// at run time with a clear message. The operation, its fields and its result (a response with
// .status and .body) are final; only this file changes when the net layer lands.
#include "lesson/detail/interp_objects.hpp"
#include "lesson/interpreter.hpp"

namespace loopscope::lesson {

struct Interpreter::ServerState {};

void Interpreter::start_server() {}
void Interpreter::stop_server() { m_server.reset(); }

Coro<Flow> Interpreter::exec_http(const Op& op, Frame& f) {
  (void)op;
  (void)f;
  throw ProgramError("RuntimeError", "HTTP operations are not available in this build");
  co_return Flow::next;
}

}  // namespace loopscope::lesson
