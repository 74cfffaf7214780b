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
  std::vector<Diagnostic> errors;        ///< with this file's name, CSV line and column
};

/// Reads a catalog saved as UTF-8 (with or without BOM) or GB18030/GBK.
CatalogResult loadCatalog(const std::filesystem::path& file);
/// The same from bytes already in memory; `file` only names them in diagnostics.
CatalogResult parseCatalog(std::string_view bytes, const std::filesystem::path& file);

/// Writes UTF-8 with BOM and CRLF line ends, so Excel opens it with Chinese intact.
void writeCatalog(const std::vector<core::ServiceItem>& items, std::ostream& out);

}  // namespace jiujin::config
