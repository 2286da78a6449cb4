#include "loader/schema.h"

namespace aivenctl::loader {

extern const char kPlanSchemaJson[];  // generated from schemas/plan.schema.json

std::string_view PlanSchemaText() { return kPlanSchemaJson; }

const nlohmann::json& PlanSchema() {
  static const nlohmann::json schema = nlohmann::json::parse(PlanSchemaText());
  return schema;
}

}  // namespace aivenctl::loader
