// Tag routes shared by projects and services: GET, PUT (replace), PATCH (upsert,
// null deletes a key); writes answer {message} (REFERENCE §5.2).
#include "api_routes.h"
#include "names.h"

namespace aivenctl::emulator {

void AddTagRoutes(Router& r, World& w, const std::string& base, TagsLocator locate) {
  r.Add("GET", base, [&w, locate](Ctx& c) {
    const Json tags = w.store.Read([&](const Json& d) {
      const Json::json_pointer ptr(locate(d, c));
      return d.contains(ptr) ? d.at(ptr) : Json::object();
    });
    c.Reply({{"tags", tags}});
  });
  for (const std::string method : {"PUT", "PATCH"}) {
    r.Add(method, base, [&w, locate, method](Ctx& c) {
      const Json* tags = OptObject(c.Object(), "tags");
      if (!tags) throw ApiError{400, "Missing required field: tags", ""};
      CheckTags(*tags, method == "PATCH");
      w.store.Write([&](Txn& t) {
        const std::string path = locate(t.doc(), c);
        const Json* old = t.Find(path);
        const Json base_tags = method == "PUT" || !old ? Json::object() : *old;
        t.Set(path, MergeTopLevel(base_tags, *tags));
      });
      c.Reply({{"message", "tags updated"}});
    });
  }
}

}  // namespace aivenctl::emulator
