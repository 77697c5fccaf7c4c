#pragma once
// net/net.hpp — everything of the sockets and HTTP layer in one include.
#include <loopscope/net/address.hpp>
#include <loopscope/net/errors.hpp>
#include <loopscope/net/http_client.hpp>
#include <loopscope/net/http_limits.hpp>
#include <loopscope/net/http_message.hpp>
#include <loopscope/net/http_parse.hpp>
#include <loopscope/net/http_serialize.hpp>
#include <loopscope/net/http_server.hpp>
#include <loopscope/net/resolve.hpp>
#include <loopscope/net/socket.hpp>
#include <loopscope/net/stream.hpp>
#include <loopscope/net/url.hpp>
