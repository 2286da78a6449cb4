// Plan-time checks of project VPCs: the CIDR (an IPv4 block Aiven takes, in a private range,
// not overlapping the project's other VPCs), one VPC per cloud, and the `vpc:` of each
// service (declared in its project; the service runs in the VPC's cloud).
#include <array>
#include <cstdint>
#include <map>
#include <optional>

#include "core/suggest.h"
#include "loader/model_builder.h"

namespace aivenctl::loader {
namespace {

struct Block {
  std::uint32_t base = 0;
  int prefix = 0;
  std::uint32_t Mask() const { return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix); }
  bool Within(const Block& outer) const {
    return prefix >= outer.prefix && (base & outer.Mask()) == outer.base;
  }
  bool Overlaps(const Block& other) const { return Within(other) || other.Within(*this); }
};

std::string Dotted(std::uint32_t a, int prefix) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255) + "/" +
         std::to_string(prefix);
}

// "a.b.c.d/n" with decimal parts (no leading zeros beyond "0"), else nullopt.
std::optional<Block> ParseCidr(const std::string& text) {
  std::array<long, 5> parts{};
  std::size_t i = 0;
  for (int part = 0; part < 5; ++part) {
    const char want = part < 3 ? '.' : part == 3 ? '/' : '\0';
    std::size_t digits = 0;
    long value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 3) {
      value = value * 10 + (text[i] - '0');
      ++i, ++digits;
    }
    if (digits == 0 || (digits > 1 && text[i - digits] == '0')) return std::nullopt;
    parts[part] = value;
    if (want == '\0') break;
    if (i >= text.size() || text[i] != want) return std::nullopt;
    ++i;
  }
  if (i != text.size() || parts[4] > 32) return std::nullopt;
  Block b;
  for (int part = 0; part < 4; ++part) {
    if (parts[part] > 255) return std::nullopt;
    b.base = (b.base << 8) | static_cast<std::uint32_t>(parts[part]);
  }
  b.prefix = static_cast<int>(parts[4]);
  return b;
}

const Block kPrivate[] = {{0x0A000000u, 8}, {0xAC100000u, 12}, {0xC0A80000u, 16}};

std::string At(const core::SourcePos& p) {
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

class VpcChecker {
 public:
  explicit VpcChecker(core::Diagnostics& diags) : diags_(diags) {}

  void Run(model::Plan& plan) {
    for (auto& project : plan.projects) {
      std::map<std::string, const model::Vpc*> by_cloud;
      std::vector<std::pair<Block, const model::Vpc*>> blocks;
      for (const auto& v : project.vpcs) {
        if (!v.cloud.empty()) {
          auto [it, inserted] = by_cloud.emplace(v.cloud, &v);
          if (!inserted) {
            Error(model::PosOf(v.key_pos, "cloud", v.pos),
                  "a second VPC in cloud \"" + v.cloud + "\" in project \"" + project.name +
                      "\" (first defined at " + At(it->second->pos) +
                      "): Aiven allows one VPC per cloud in a project",
                  v.address);
          }
        }
        if (auto b = Cidr(v)) {
          for (const auto& [other, ov] : blocks) {
            if (b->Overlaps(other)) {
              Error(model::PosOf(v.key_pos, "network_cidr", v.pos),
                    "network_cidr \"" + v.network_cidr + "\" overlaps VPC \"" + ov->name + "\" (" +
                        ov->network_cidr + ", defined at " + At(ov->pos) +
                        "); VPCs of a project need separate address ranges",
                    v.address);
            }
          }
          blocks.emplace_back(*b, &v);
        }
      }
      for (auto& s : project.services) Place(project, s);
    }
  }

 private:
  void Error(const core::SourcePos& pos, std::string message, const core::Address& a) {
    diags_.push_back({core::Severity::kError, pos, std::move(message), a.ToString()});
  }

  std::optional<Block> Cidr(const model::Vpc& v) {
    const core::SourcePos pos = model::PosOf(v.key_pos, "network_cidr", v.pos);
    const std::string quoted = "network_cidr \"" + v.network_cidr + "\"";
    auto b = ParseCidr(v.network_cidr);
    if (!b) {
      Error(pos, "invalid " + quoted + ": expected an IPv4 block such as 10.20.0.0/24", v.address);
      return std::nullopt;
    }
    if (b->prefix < 16 || b->prefix > 24) {
      Error(pos, quoted + ": Aiven takes a VPC block from /16 to /24", v.address);
      return std::nullopt;
    }
    if ((b->base & ~b->Mask()) != 0) {
      Error(pos,
            quoted + " has host bits set (did you mean \"" +
                Dotted(b->base & b->Mask(), b->prefix) + "\"?)",
            v.address);
      return std::nullopt;
    }
    bool is_private = false;
    for (const Block& range : kPrivate) is_private = is_private || b->Within(range);
    if (!is_private) {
      Error(pos,
            quoted + " is not in a private range (10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16)",
            v.address);
      return std::nullopt;
    }
    return b;
  }

  void Place(const model::Project& project, model::Service& s) {
    if (!s.vpc) return;
    const core::SourcePos pos = model::PosOf(s.key_pos, "vpc", s.pos);
    const model::Vpc* vpc = nullptr;
    std::vector<std::string> names;
    for (const auto& v : project.vpcs) {
      names.push_back(v.name);
      if (v.name == *s.vpc) vpc = &v;
    }
    if (vpc == nullptr) {
      std::string message =
          "vpc \"" + *s.vpc + "\" is not declared in project \"" + project.name + "\"";
      if (auto guess = core::Suggest(*s.vpc, names)) {
        message += " (did you mean \"" + *guess + "\"?)";
      } else {
        message += " (declare it under the project's vpcs)";
      }
      Error(pos, message, s.address);
      return;
    }
    if (vpc->cloud.empty()) return;
    if (s.cloud.is_explicit() && s.cloud.value && *s.cloud.value != vpc->cloud) {
      Error(s.cloud.pos,
            "service \"" + s.name + "\" is in cloud \"" + *s.cloud.value + "\" but its vpc \"" +
                vpc->name + "\" is in cloud \"" + vpc->cloud +
                "\": a service in a VPC runs in the VPC's cloud (remove cloud or set it to \"" +
                vpc->cloud + "\")",
            s.address);
      return;
    }
    // The VPC decides the cloud over an inherited one (project or defaults).
    s.cloud = {vpc->cloud, model::Origin::kExplicit,
               s.cloud.is_explicit() ? s.cloud.pos : model::PosOf(vpc->key_pos, "cloud", vpc->pos)};
  }

  core::Diagnostics& diags_;
};

}  // namespace

void CheckVpcs(model::Plan& plan, core::Diagnostics& diags) { VpcChecker(diags).Run(plan); }

}  // namespace aivenctl::loader
