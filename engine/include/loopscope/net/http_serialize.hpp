#pragma once
// net/http_serialize.hpp — writing HTTP/1.1 messages to bytes.
//
// The functions APPEND to `out`, so a connection reuses one buffer for every message it sends.
// Framing is decided here, once: a message whose headers say "Transfer-Encoding: chunked" has
// its body written as one chunk plus the last chunk; otherwise a Content-Length field is added
// when the message has a body (or is a POST/PUT/PATCH request, or a response that may carry
// one) and none was given. A header name or value containing CR, LF or NUL is refused
// (std::invalid_argument): that would let a caller inject fields.
#include <loopscope/net/http_message.hpp>

#include <string>
#include <string_view>

namespace loopscope::net {

void serialize(const HttpRequest& request, std::string& out);
// `extra_fields`: pre-formatted "Name: value\r\n" lines appended after the response's own
// fields (a server's "Connection: close"), written as given.
void serialize(const HttpResponse& response, std::string& out, std::string_view extra_fields = {});

// Only the head (start line, fields, blank line) of a response, for a server that streams the
// body afterwards with append_chunk() / append_last_chunk(). `content_length` < 0: no
// Content-Length field is added.
void serialize_head(const HttpResponse& response, std::string& out, long long content_length,
                    std::string_view extra_fields = {});

// One chunk of a chunked body ("<hex size>\r\n<data>\r\n"); empty data writes nothing.
void append_chunk(std::string& out, std::string_view data);
// The terminating zero-size chunk ("0\r\n\r\n").
void append_last_chunk(std::string& out);

}  // namespace loopscope::net
