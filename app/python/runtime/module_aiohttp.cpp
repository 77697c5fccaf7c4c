// module_aiohttp.cpp — aiohttp's client subset on the engine's HTTP client: ClientSession
// (async with; get/post/request; one keep-alive pool per session), the request context
// (async with / await), ClientResponse (status, reason, ok, headers, url, text(), json(),
// raise_for_status()), ClientTimeout(total=…), and the ClientError family.
// Only loopback hosts are reachable: Loopscope programs talk to the lesson's own server.
#include "python/runtime/args.hpp"
#include "python/runtime/runtime.hpp"
#include "python/runtime/thread_work.hpp"

#include <loopscope/net/http_client.hpp>
#include <loopscope/net/url.hpp>
#include <loopscope/timeout.hpp>

#include <nlohmann/json.hpp>

namespace loopscope::python {

namespace {
TypeObject* aiohttp_type(const char* name) {
  // Process-wide, never freed (reachable through this pointer), like the built-in types.
  static auto& made = *new std::map<std::string, TypeObject*, std::less<>>();
  auto it = made.find(name);
  if (it != made.end()) return it->second;
  auto* t = new TypeObject(name, {types().object});
  t->refs = 1;
  t->module = "aiohttp";
  made.emplace(name, t);
  return t;
}

struct TimeoutSpec : NativeObject {
  std::optional<double> total;
  const char* type_name() const override { return "ClientTimeout"; }
  TypeObject* type() const override { return aiohttp_type("ClientTimeout"); }
  std::string repr() const override { return "ClientTimeout(total=" + (total ? float_repr(*total) : std::string("None")) + ")"; }
  std::optional<Value> getattr(Runtime&, const Value&, std::string_view name) override {
    if (name == "total") return total ? py_float(*total) : Value();
    return std::nullopt;
  }
};

Value from_json(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null: return Value();
    case nlohmann::json::value_t::boolean: return py_bool(j.get<bool>());
    case nlohmann::json::value_t::number_integer: return py_int(j.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return py_int(static_cast<std::int64_t>(j.get<std::uint64_t>()));
    case nlohmann::json::value_t::number_float: return py_float(j.get<double>());
    case nlohmann::json::value_t::string: return py_str(j.get<std::string>());
    case nlohmann::json::value_t::array: {
      std::vector<Value> items;
      for (const auto& x : j) items.push_back(from_json(x));
      return py_list(std::move(items));
    }
    case nlohmann::json::value_t::object: {
      auto d = new_dict();
      for (const auto& [k, v] : j.items()) d->set(py_str(k), from_json(v));
      return Value(d);
    }
    default: return Value();
  }
}

struct ResponseObject : NativeObject {
  net::HttpResponse response;
  std::string url;
  const char* type_name() const override { return "ClientResponse"; }
  TypeObject* type() const override { return aiohttp_type("ClientResponse"); }
  std::string repr() const override { return "<ClientResponse(" + url + ") [" + std::to_string(response.status) + " " + reason() + "]>"; }
  std::string reason() const { return response.reason.empty() ? net::reason_phrase(response.status) : response.reason; }
  bool has_async_with() const override { return true; }
  Coro<Value> aenter(Runtime&, Value self) override { co_return self; }
  static Coro<Value> text(Ref<ResponseObject> me) { co_return py_str(me->response.body); }
  static Coro<Value> json(Ref<ResponseObject> me) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(me->response.body);
    } catch (const std::exception& e) {
      value_error(std::string("Expecting value: ") + e.what());
    }
    co_return from_json(j);
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<ResponseObject> me(this);
    if (name == "status") return py_int(response.status);
    if (name == "reason") return py_str(reason());
    if (name == "ok") return py_bool(response.status < 400);
    if (name == "url") return py_str(url);
    if (name == "headers") {
      auto d = new_dict();
      for (std::size_t i = 0; i < response.headers.size(); ++i) {
        const auto h = response.headers[i];
        d->set(py_str(std::string(h.name)), py_str(std::string(h.value)));
      }
      return Value(d);
    }
    if (name == "text") return method("text", self, [me](Runtime&, CallArgs&) { return native_coro(text(me), "text", true); });
    if (name == "json") return method("json", self, [me](Runtime&, CallArgs&) { return native_coro(json(me), "json", true); });
    if (name == "read") return method("read", self, [me](Runtime&, CallArgs&) { return native_coro(text(me), "read", true); });
    if (name == "release" || name == "close") return method(std::string(name), self, [](Runtime&, CallArgs&) { return Value(); });
    if (name == "raise_for_status")
      return method("raise_for_status", self, [me](Runtime&, CallArgs&) {
        if (me->response.status >= 400) {
          auto e = new_exception(types().client_response_error, std::to_string(me->response.status) + ", message=" +
                                                                      str_repr(me->reason()) + ", url=URL(" + str_repr(me->url) + ")");
          throw_exception(e);
        }
        return Value();
      });
    return std::nullopt;
  }
};

struct SessionObject;

struct RequestObject : NativeObject {
  Ref<SessionObject> session;
  std::string method_name, url, body;
  std::optional<double> timeout;
  const char* type_name() const override { return "_RequestContextManager"; }
  bool has_async_with() const override { return true; }
  bool is_awaitable() const override { return true; }
  Coro<Value> perform(Runtime& rt);
  Coro<Value> aenter(Runtime& rt, Value) override { co_return co_await perform(rt); }
  Coro<Value> await_(Runtime& rt, Value) override { co_return co_await perform(rt); }
  std::optional<Value> getattr(Runtime&, const Value&, std::string_view) override { return std::nullopt; }
};

struct SessionObject : NativeObject {
  net::ClientSession session;
  std::optional<double> timeout;
  std::string base_url;
  bool closed = false;
  const char* type_name() const override { return "ClientSession"; }
  TypeObject* type() const override { return aiohttp_type("ClientSession"); }
  bool has_async_with() const override { return true; }
  ~SessionObject() override { session.close(); }
  Coro<Value> aenter(Runtime&, Value self) override { co_return self; }
  Coro<bool> aexit(Runtime&, std::exception_ptr) override {
    session.close();
    closed = true;
    co_return false;
  }
  std::optional<Value> getattr(Runtime&, const Value& self, std::string_view name) override {
    Ref<SessionObject> me(this);
    auto request = [me, self](std::string m) {
      return method(m, self, [me, m](Runtime&, CallArgs& a) {
        std::optional<Value> tmo = a.take("timeout"), data = a.take("data"), json = a.take("json");
        (void)a.take("headers");
        (void)a.take("params");
        (void)a.take("allow_redirects");
        std::string verb = m;
        std::size_t first = 0;
        if (m == "request") {
          if (a.pos.empty()) type_error("request() missing 1 required positional argument: 'method'");
          verb = str_arg(a.pos[0], "method");
          first = 1;
        }
        if (a.pos.size() != first + 1) type_error(m + "() takes 1 positional argument");
        if (!a.kw.empty()) type_error(m + "() got an unexpected keyword argument '" + a.kw.front().first + "'");
        if (me->closed) raise(types().runtime_error, "Session is closed");
        auto r = make<RequestObject>();
        r->session = me;
        r->method_name = verb;
        r->url = me->base_url + to_str(a.pos[first]);
        if (data && !data->is_none()) r->body = to_str(*data);
        if (json && !json->is_none()) r->body = to_repr(*json);
        r->timeout = me->timeout;
        if (tmo && !tmo->is_none()) {
          if (auto* ts = dynamic_cast<TimeoutSpec*>(tmo->get<NativeObject>(ObjKind::native))) r->timeout = ts->total;
          else r->timeout = number_arg(*tmo, "timeout");
        }
        for (auto& c : r->method_name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return Value(r);
      });
    };
    if (name == "get" || name == "post" || name == "put" || name == "delete" || name == "request") return request(std::string(name));
    if (name == "close")
      return method("close", self, [me](Runtime&, CallArgs&) {
        me->session.close();
        me->closed = true;
        return native_coro([]() -> Coro<Value> { co_return Value(); }(), "close", false);
      });
    if (name == "closed") return py_bool(closed);
    return std::nullopt;
  }
};

bool loopback(const std::string& url) {
  const std::string rest = url.rfind("http://", 0) == 0 ? url.substr(7) : url;
  const std::string host = rest.substr(0, rest.find_first_of(":/"));
  return host == "127.0.0.1" || host == "localhost";
}

Coro<Value> RequestObject::perform(Runtime&) {
  if (!loopback(url))
    raise(types().client_connection_error, "Cannot connect to host " + url + ": Loopscope programs can reach only the lesson's server on 127.0.0.1");
  net::HttpResponse r;
  Ref<SessionObject> s = session;
  if (timeout && *timeout > 0) r = co_await loopscope::timeout(*timeout, s->session.request(method_name, url, {}, body));
  else r = co_await s->session.request(method_name, url, {}, body);
  auto out = make<ResponseObject>();
  out->response = std::move(r);
  out->url = url;
  co_return Value(out);
}
}  // namespace

Value make_aiohttp_module(Runtime&) {
  const auto& t = types();
  auto mod = make<ModuleObject>("aiohttp");
  TypeObject* session = aiohttp_type("ClientSession");
  if (!session->construct)
    session->construct = [](Runtime&, CallArgs& a) {
      std::optional<Value> tmo = a.take("timeout"), base = a.take("base_url");
      (void)a.take("headers");
      check_args(a, "ClientSession", 0, 0);
      auto s = make<SessionObject>();
      if (tmo && !tmo->is_none()) {
        if (auto* ts = dynamic_cast<TimeoutSpec*>(tmo->get<NativeObject>(ObjKind::native))) s->timeout = ts->total;
        else type_error("timeout must be an aiohttp.ClientTimeout");
      }
      if (base && !base->is_none()) s->base_url = to_str(*base);
      return Value(s);
    };
  mod->attrs["ClientSession"] = Value(static_cast<Object*>(session));
  TypeObject* timeout = aiohttp_type("ClientTimeout");
  if (!timeout->construct)
    timeout->construct = [](Runtime&, CallArgs& a) {
      std::optional<Value> total = a.take("total");
      (void)a.take("connect");
      (void)a.take("sock_read");
      (void)a.take("sock_connect");
      check_args(a, "ClientTimeout", 0, 1);
      if (!a.pos.empty()) total = a.pos[0];
      auto ts = make<TimeoutSpec>();
      if (total && !total->is_none()) ts->total = number_arg(*total, "total");
      return Value(ts);
    };
  mod->attrs["ClientTimeout"] = Value(static_cast<Object*>(timeout));
  mod->attrs["ClientError"] = Value(static_cast<Object*>(t.client_error));
  mod->attrs["ClientResponseError"] = Value(static_cast<Object*>(t.client_response_error));
  mod->attrs["ClientConnectionError"] = Value(static_cast<Object*>(t.client_connection_error));
  mod->attrs["ClientConnectorError"] = Value(static_cast<Object*>(t.client_connection_error));
  return Value(mod);
}

}  // namespace loopscope::python
