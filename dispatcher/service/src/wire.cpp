#include "jiujin/service/wire.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace jiujin::service {

using nlohmann::json;

ServiceError fromCoreError(const core::Error& error) {
  return ServiceError{core::toString(error.code), error.zh, error.en};
}

namespace {

json parseObject(std::string_view bytes) {
  json parsed = json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
  return parsed.is_object() ? parsed : json();
}

}  // namespace

std::string requestIdOf(std::string_view bytes) {
  const json parsed = parseObject(bytes);
  if (parsed.is_null()) return {};
  const auto id = parsed.find("id");
  return id != parsed.end() && id->is_string() ? id->get<std::string>() : std::string();
}

Outcome<Request> decodeRequest(std::string_view bytes) {
  const json parsed = parseObject(bytes);
  if (parsed.is_null()) return errors::badRequest("the frame is not a JSON object");
  for (const auto& [key, value] : parsed.items()) {
    if (key != "v" && key != "id" && key != "type" && key != "body" && key != "as")
      return errors::badRequest(fmt::format("unknown envelope field \"{}\"", key));
  }
  const auto v = parsed.find("v");
  if (v == parsed.end() || !v->is_number_integer()) return errors::badRequest("\"v\" must be an integer");
  if (v->get<long long>() != kProtocolVersion) {
    return errors::unsupportedVersion(static_cast<int>(std::clamp(v->get<long long>(), -1000LL, 1000LL)));
  }
  Request request;
  if (const auto id = parsed.find("id"); id != parsed.end()) {
    if (!id->is_string() || id->get_ref<const std::string&>().size() > 128)
      return errors::badRequest("\"id\" must be a string of at most 128 bytes");
    request.id = id->get<std::string>();
  }
  const auto type = parsed.find("type");
  if (type == parsed.end() || !type->is_string() || type->get_ref<const std::string&>().empty() ||
      type->get_ref<const std::string&>().size() > 64)
    return errors::badRequest("\"type\" must be a string of 1 to 64 bytes");
  request.type = type->get<std::string>();
  if (const auto body = parsed.find("body"); body != parsed.end()) {
    if (!body->is_object()) return errors::badRequest("\"body\" must be an object");
    request.body = *body;
  }
  if (const auto as = parsed.find("as"); as != parsed.end()) {
    if (!as->is_object()) return errors::badRequest("\"as\" must be an object");
    request.as = *as;
  }
  return request;
}

std::string encodeResult(const std::string& id, const json& result) {
  return json{{"v", kProtocolVersion}, {"id", id}, {"ok", true}, {"result", result}}.dump(
      -1, ' ', false, json::error_handler_t::replace);
}

std::string encodeError(const std::string& id, const ServiceError& error) {
  return json{{"v", kProtocolVersion},
              {"id", id},
              {"ok", false},
              {"error", {{"code", error.code}, {"zh", error.zh}, {"en", error.en}}}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace errors {

ServiceError badRequest(std::string_view detail) {
  return {"bad_request", fmt::format("请求格式错误：{}", detail), fmt::format("malformed request: {}", detail)};
}
ServiceError unsupportedVersion(int version) {
  return {"unsupported_version", fmt::format("不支持的协议版本 {}（本服务为 {}）", version, kProtocolVersion),
          fmt::format("protocol version {} is not supported (this service speaks {})", version,
                      kProtocolVersion)};
}
ServiceError unknownCommand(std::string_view type) {
  return {"unknown_command", fmt::format("未知的请求类型“{}”", type), fmt::format("unknown request type \"{}\"", type)};
}
ServiceError invalidArgument(std::string_view detail) {
  return {"invalid_argument", fmt::format("参数错误：{}", detail), fmt::format("invalid argument: {}", detail)};
}
ServiceError forbidden(std::string_view what) {
  return {"forbidden", fmt::format("无权执行：{}", what), fmt::format("not allowed: {}", what)};
}
ServiceError wrongPin() { return {"wrong_pin", "工号或密码错误", "wrong clerk id or PIN"}; }
ServiceError unknownClerk(std::string_view clerk) {
  // The same words as a wrong PIN: a guesser must not learn which clerk ids exist.
  (void)clerk;
  return wrongPin();
}
ServiceError clerkNotAllowedHere(std::string_view clerk, int window) {
  return {"clerk_not_allowed", fmt::format("工作人员 {} 不能在 {} 号窗口登录", clerk, window),
          fmt::format("clerk {} may not log in at window {}", clerk, window)};
}
ServiceError notLoggedIn(int window) {
  return {"not_logged_in", fmt::format("{} 号窗口尚无工作人员登录", window),
          fmt::format("no clerk is logged in at window {}", window)};
}
ServiceError storageFailed(std::string_view detail) {
  return {"storage_failed", fmt::format("保存失败，操作未生效：{}", detail),
          fmt::format("could not be saved, nothing changed: {}", detail)};
}
ServiceError notFound(std::string_view what) {
  return {"not_found", fmt::format("未找到：{}", what), fmt::format("not found: {}", what)};
}
ServiceError internal() {
  return {"internal", "调度服务内部错误，本次请求未能完成，已记录",
          "an internal error stopped this request; it was logged under the request id"};
}

}  // namespace errors
}  // namespace jiujin::service
