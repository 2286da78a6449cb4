#include <string>

#include "render/changeset_text.h"

namespace aivenctl::render {
namespace {

std::string Label(const diff::Operation& op) {
  std::string label = std::string(diff::ActionName(op.action)) + " " + op.address.ToString();
  if (op.gate != diff::Gate::kNone) label += "\\nwait: " + std::string(diff::GateName(op.gate));
  return label;
}

std::string DotEscape(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') out += '\\';
    out += s[i];
  }
  return out;
}

const char* DotColor(diff::Action a) {
  switch (a) {
    case diff::Action::kCreate:
      return "darkgreen";
    case diff::Action::kUpdate:
      return "goldenrod";
    case diff::Action::kDelete:
      return "red3";
    default:
      return "black";
  }
}

}  // namespace

std::string FormatGraphDot(const diff::Changeset& cs) {
  std::string out =
      "digraph changeset {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n";
  for (const auto& op : cs.operations) {
    out += "  op" + std::to_string(op.id) + " [label=\"" + DotEscape(Label(op)) +
           "\", color=" + DotColor(op.action) + "];\n";
  }
  for (const auto& op : cs.operations) {
    for (int d : op.depends_on) {
      out += "  op" + std::to_string(d) + " -> op" + std::to_string(op.id) + ";\n";
    }
  }
  out += "}\n";
  return out;
}

std::string FormatGraphMermaid(const diff::Changeset& cs) {
  std::string out = "flowchart LR\n";
  for (const auto& op : cs.operations) {
    std::string label = Label(op);
    std::string text;
    for (std::size_t i = 0; i < label.size(); ++i) {
      if (label[i] == '\\' && i + 1 < label.size() && label[i + 1] == 'n') {
        text += "<br/>";
        ++i;
      } else if (label[i] == '"') {
        text += "#quot;";
      } else if (label[i] == '>') {
        text += "#gt;";
      } else {
        text += label[i];
      }
    }
    out += "  op" + std::to_string(op.id) + "[\"" + text + "\"]\n";
  }
  for (const auto& op : cs.operations) {
    for (int d : op.depends_on) {
      out += "  op" + std::to_string(d) + " --> op" + std::to_string(op.id) + "\n";
    }
  }
  return out;
}

}  // namespace aivenctl::render
