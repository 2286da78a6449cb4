#pragma once
// A model::Plan written as a plan file (what `aivenctl import` prints). Values are written
// as JSON, which YAML reads as it is, so no name or value needs escaping rules of its own.

#include <string>
#include <vector>

#include "model/desired.h"

namespace aivenctl::render {

/// The plan file for `plan` (version 1), after `comment` lines (each written as "# ...").
/// Writes what the model sets: unset optionals and empty collections are left out.
std::string PlanYaml(const model::Plan& plan, const std::vector<std::string>& comment);

}  // namespace aivenctl::render
