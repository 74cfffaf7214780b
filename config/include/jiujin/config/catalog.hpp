#pragma once
// The service item catalog (政务服务事项标准化清单) as a CSV spreadsheet.
#include <filesystem>
#include <ostream>
#include <string_view>
#include <vector>

#include "jiujin/config/diagnostic.hpp"
#include "jiujin/core/model.hpp"

namespace jiujin::config {

/// The columns, in the order writeCatalog writes them. Readers accept any order.
inline constexpr std::string_view kCatalogColumns[] = {
    "事项编码", "事项名称", "事项类别", "权限层级", "办件类型", "承诺时限(工作日)",   "收费",
    "收费依据", "提交材料", "政策依据", "通办范围", "所属队列", "平均办理时长(分钟)", "绿色通道"};

/// Optional columns, for the kiosk: a catalog without them reads as before.
/// 主题: the life event a resident looks the item up by (生育, 养老, 就业, 户籍, 不动产…),
/// 0–10 characters; empty: the kiosk lists the item under 其他.
/// 拼音首字母: the initials the kiosk's letter pad finds the item by (高龄津贴申领 → GLJTSL),
/// letters A–Z only, 0–40; empty: derived from the name.
inline constexpr std::string_view kCatalogOptionalColumns[] = {"主题", "拼音首字母"};

/// How a resident finds an item on the kiosk (the optional columns above).
struct ItemGuide {
  core::ItemCode code;
  std::string topic;     ///< 主题, e.g. "养老"; empty: none given
  std::string initials;  ///< 拼音首字母 in upper case, e.g. "GLJTSL"; empty: none given
  bool operator==(const ItemGuide&) const = default;
};

/// Where a cell was read from: CSV line, and spreadsheet column (1 = A).
struct CellPosition {
  int line = 0;
  int column = 0;
  bool operator==(const CellPosition&) const = default;
};

struct CatalogResult {
  std::vector<core::ServiceItem> items;  ///< the rows that read cleanly
  std::vector<CellPosition> queueCells;  ///< parallel to items: each item's 所属队列 cell
  std::vector<CellPosition> codeCells;   ///< parallel to items: each item's 事项编码 cell
  std::vector<ItemGuide> guides;         ///< parallel to items: 主题 and 拼音首字母
  std::vector<Diagnostic> errors;        ///< with this file's name, CSV line and column
};

/// Reads a catalog saved as UTF-8 (with or without BOM) or GB18030/GBK.
CatalogResult loadCatalog(const std::filesystem::path& file);
/// The same from bytes already in memory; `file` only names them in diagnostics.
CatalogResult parseCatalog(std::string_view bytes, const std::filesystem::path& file);

/// Writes UTF-8 with BOM and CRLF line ends, so Excel opens it with Chinese intact.
void writeCatalog(const std::vector<core::ServiceItem>& items, std::ostream& out);

}  // namespace jiujin::config
