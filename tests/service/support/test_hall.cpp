#include "test_hall.hpp"

#include <array>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <zmq.h>

namespace jiujin::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "jiujin-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

namespace {

// PIN 1234 (libsodium argon2id, from config/samples).
constexpr const char* kPinHash =
    "$argon2id$v=19$m=65536,t=2,p=1$2n7wBZFz4dom6Wa0NnTbWg$wowFhqN9+wjUmib0/Rk0eRI/QmthqJlSNAkDDOCZhXY";

constexpr const char* kCatalog =
    "事项编码,事项名称,事项类别,权限层级,办件类型,承诺时限(工作日),收费,收费依据,提交材料,政策依据,通办范围,所属队列,"
    "平均办理时长(分钟),绿色通道\n"
    "T-0001,生育服务登记,公共服务,镇街,即办件,0,不收费,,居民身份证,依据,同区通办,general,10,是\n"
    "T-0002,高龄津贴申领,行政给付,镇街,承诺件,10,不收费,,居民身份证,依据,同区通办,general,10,是\n"
    "T-0003,社保卡申领,公共服务,镇街,即办件,0,不收费,,居民身份证,依据,本厅,social,8,是\n";

void keyPair(std::string& publicKey, std::string& secretKey) {
  std::array<char, 41> pub{};
  std::array<char, 41> sec{};
  if (zmq_curve_keypair(pub.data(), sec.data()) != 0) throw std::runtime_error("no CURVE");
  publicKey.assign(pub.data(), 40);
  secretKey.assign(sec.data(), 40);
}

}  // namespace

TestHall writeTestHall(const std::filesystem::path& dir, const TestHallOptions& options) {
  TestHall hall;
  hall.hallFile = dir / "hall.toml";
  hall.database = dir / "hall.db";
  std::ofstream(dir / "catalog.csv") << kCatalog;

  std::string service;
  std::string clients;
  if (options.curve) {
    std::string serverSecret;
    keyPair(hall.serverPublicKey, serverSecret);
    std::ofstream(dir / "service.key") << serverSecret << '\n';
    service = "[service]\ncommands = \"tcp://127.0.0.1:5570\"\nevents = \"tcp://127.0.0.1:5571\"\n"
              "curve = true\nsecret_key_file = \"service.key\"\n";
    for (TestClient c : options.clients) {
      keyPair(c.publicKey, c.secretKey);
      clients += fmt::format("[[client]]\nname = \"{}\"\nrole = \"{}\"\npublic_key = '{}'\n", c.name, c.role, c.publicKey);
      if (c.window > 0) clients += fmt::format("window = {}\n", c.window);
      clients += "\n";
      hall.clients.emplace(c.name, c);
    }
  }
  std::ofstream(hall.hallFile) << fmt::format(R"toml(
[hall]
name = "测试便民服务中心"
level = "township"
region_code = "370199101"
catalog = "catalog.csv"

[hours]
{hours}

[[queue]]
id = "general"
prefix = "A"
name = "综合受理"

[[queue]]
id = "social"
prefix = "B"
name = "社保"

[[window]]
number = 1
name = "综合受理一"
kind = "general"
profile = [{{ queue = "general" }}, {{ queue = "social" }}]

[[window]]
number = 2
name = "综合受理二"
kind = "general"
profile = [{{ queue = "general" }}, {{ queue = "social" }}]

[[window]]
number = 3
name = "统一发证"
kind = "issuing"
profile = [{{ queue = "general" }}, {{ queue = "social" }}]

[[clerk]]
id = "c01"
name = "王芳"
windows = [1, 3]
pin_hash = '{pin}'

[[clerk]]
id = "c02"
name = "李强"
pin_hash = '{pin}'
agent = true

# The hall manager: logs in at the monitor (manager_login), works at no window.
[[clerk]]
id = "m01"
name = "李主任"
windows = [2]
manager = true
pin_hash = '{pin}'

[rules]
waiting_target_minutes = {target}

# Devices the tests report on: a device report must name one of the hall file's devices.
[[bus]]
id = "rs485-1"
port = "/dev/null"

[[device]]
id = "w1-pad"
bus = "rs485-1"
kind = "eval_pad"
address = 41
window = 1

[[device]]
id = "kp-1"
bus = "rs485-1"
kind = "keypad"
address = 21
window = 1

[[device]]
id = "main-strip"
bus = "rs485-1"
kind = "main_strip"
address = 100

{service}
{clients}
)toml",
                                             fmt::arg("pin", kPinHash), fmt::arg("target", options.waitingTargetMinutes), fmt::arg("hours", options.hours),
                                             fmt::arg("service", service), fmt::arg("clients", clients)) << options.extraToml;
  return hall;
}

}  // namespace jiujin::testing
