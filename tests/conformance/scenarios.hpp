#pragma once
// scenarios.hpp — the C++ side of the conformance scenarios: each one is the same program as
// scenarios/<name>.py, written on the engine. Lines are printed with EventLoop::print.
#include <loopscope/engine.hpp>

#include <functional>
#include <map>
#include <string>

namespace conformance {

using Scenario = std::function<loopscope::Coro<>()>;
// name -> the scenario's main coroutine (run as the main task, like asyncio.run(main())).
const std::map<std::string, Scenario>& scenarios();

}  // namespace conformance
