#pragma once
// The smallest hall the service's unit tests run: one item (T-1 高龄津贴申领), one queue
// (general, prefix A) and one window serving it.
#include "jiujin/core/model.hpp"

namespace jiujin::testing {

inline core::HallDefinition oneWindowHall() {
  core::HallDefinition d;
  d.name = "测试站";
  core::ServiceItem item;
  item.code = "T-1";
  item.name = "高龄津贴申领";
  item.queue = "general";
  d.items.push_back(item);
  d.queues.push_back({"general", "A", "综合受理"});
  core::WindowDef w;
  w.number = 1;
  w.name = "综合服务";
  w.profile.entries.push_back(core::ProfileEntry{"general"});
  d.windows.push_back(w);
  return d;
}

}  // namespace jiujin::testing
