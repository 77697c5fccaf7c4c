#pragma once
// engine.hpp — everything the engine offers, in one include.
#include <loopscope/clock.hpp>
#include <loopscope/coro.hpp>
#include <loopscope/errors.hpp>
#include <loopscope/event_loop.hpp>
#include <loopscope/executor.hpp>
#include <loopscope/handle.hpp>
#include <loopscope/sleep.hpp>
#include <loopscope/snapshot.hpp>
#include <loopscope/statistics.hpp>
#include <loopscope/task.hpp>
#include <loopscope/trace.hpp>
