#include "hall_fixture.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace jiujin::config::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "jiujin-config-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::filesystem::path TempDir::write(std::string_view name, std::string_view bytes) const {
  const auto file = path_ / name;
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return file;
}

const std::string& demoPinHash() {
  // Made once with hashPin("1234"); a constant keeps each test process from spending a
  // tenth of a second on argon2id.
  static const std::string hash =
      "$argon2id$v=19$m=65536,t=2,p=1"
      "$rZWrEJDHfhdF/jTo89V3kw$LvDm2uojj0GH+P+A1CeuJrQ4m6JIXbKkrRPi3Hp4FCs";
  return hash;
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "fixture text has no \"" << from << "\"";
    return text;
  }
  return text.replace(at, from.size(), to);
}

// Line numbers matter: the rule tests name them. Append below, never insert above.
std::string validHall() {
  return replaced(R"([hall]
name = "测试镇便民服务中心"
level = "township"
region_code = "370199101"
catalog = "catalog.csv"

[hours]
days = ["mon", "tue", "wed", "thu", "fri"]
open = "08:30-17:30"
breaks = ["12:00-13:30"]

[[queue]]
id = "general"
prefix = "A"
name = "综合受理"

[[queue]]
id = "social"
prefix = "B"
name = "社保医保"

[[queue]]
id = "hukou"
prefix = "C"
name = "户籍"

[[window]]
number = 1
name = "综合受理"
profile = [{ queue = "general" }, { queue = "social", only_when_oldest_waits_minutes = 20 }]

[[window]]
number = 2
name = "户籍"
kind = "specialist"
profile = [{ queue = "hukou" }]

[[clerk]]
id = "c01"
name = "王芳"
windows = [1, 2]
pin_hash = '{PIN_HASH}'

[[bus]]
id = "rs485-1"
port = "/dev/ttyUSB0"
baud = 9600

[[device]]
id = "w1-display"
bus = "rs485-1"
kind = "window_display"
address = 1
window = 1
)",
                  "{PIN_HASH}", demoPinHash());
}

std::string validCatalog() {
  return "\xEF\xBB\xBF"
         "事项编码,事项名称,事项类别,权限层级,办件类型,承诺时限(工作日),收费,收费依据,提交材料,"
         "政策依据,通办范围,所属队列,平均办理时长(分钟),绿色通道\r\n"
         "T-001,生育服务登记,公共服务,镇街,即办件,0,不收费,,夫妻双方居民身份证；户口簿；结婚证,"
         "《中华人民共和国人口与计划生育法》,同区通办,general,10,是\r\n"
         "T-002,就业失业登记,公共服务,镇街,即办件,0,不收费,,居民身份证,"
         "《就业服务与就业管理规定》,同区通办,social,10,是\r\n"
         "T-003,户籍证明开具,公共服务,镇街,即办件,0,不收费,,居民身份证|户口簿,"
         "《中华人民共和国户口登记条例》,本厅,hukou,5,否\r\n";
}

std::vector<std::string> errorsOf(const std::string& hall, const std::string& catalog) {
  TempDir dir;
  dir.write("catalog.csv", catalog);
  const auto result = loadHallConfig(dir.write("hall.toml", hall));
  std::vector<std::string> out;
  for (auto d : result.errors) {
    d.file = d.file.filename();
    out.push_back(toString(d));
  }
  EXPECT_EQ(result.ok(), out.empty()) << "a config must come exactly when there are no errors";
  return out;
}

std::vector<std::string> errorsOf(const std::string& hall) {
  return errorsOf(hall, validCatalog());
}

std::filesystem::path samplePath(std::string_view name) {
  const char* source = std::getenv("JIUJIN_SOURCE_DIR");
  const std::filesystem::path root = source ? source : JIUJIN_TEST_SOURCE_DIR;
  return root / "config" / "samples" / name;
}

}  // namespace jiujin::config::testing
