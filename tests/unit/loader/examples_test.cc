// The examples install what the repository makes: every container image they name is a
// stock Debian image, every CI job that runs aivenctl unpacks the tarball that a job before
// it builds with scripts/package, and the Kubernetes reaper runs the tarball it fetched.

#include <filesystem>
#include <regex>
#include <set>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "test_paths.h"

namespace aivenctl::loader {
namespace {

namespace fs = std::filesystem;
using testing::SourceDir;

const std::set<std::string> kStockImages = {"debian:12", "debian:12-slim"};

std::vector<YAML::Node> Load(const std::string& relative) {
  return YAML::LoadAll(testing::ReadBytes(SourceDir() + "/examples/" + relative));
}

/// Every scalar under `n`, one per line: what a job runs, wherever the YAML keeps it.
std::string Text(const YAML::Node& n) {
  if (!n) return "";
  if (n.IsScalar()) return n.Scalar() + "\n";
  std::string out;
  for (const auto& item : n) out += Text(n.IsMap() ? item.second : item);
  return out;
}

/// True when `text` runs aivenctl as a command (not the package job's clone of its source).
bool RunsAivenctl(const std::string& text) {
  static const std::regex command(R"((^|[\s;&|(/])aivenctl (validate|plan|apply|destroy|reap))");
  return std::regex_search(text, command);
}

bool Contains(const YAML::Node& list, const std::string& value) {
  if (list && list.IsScalar()) return list.Scalar() == value;
  for (const auto& item : list)
    if (item.IsScalar() && item.Scalar() == value) return true;
  return false;
}

void CollectImages(const YAML::Node& n, std::vector<std::string>& out) {
  if (!n.IsMap() && !n.IsSequence()) return;
  for (const auto& item : n) {
    if (n.IsMap()) {
      const std::string key = item.first.as<std::string>();
      if ((key == "image" || key == "container") && item.second.IsScalar())
        out.push_back(item.second.Scalar());
      CollectImages(item.second, out);
    } else {
      CollectImages(item, out);
    }
  }
}

TEST(Examples, NameOnlyStockDebianImages) {
  std::vector<std::string> images;
  for (const auto& e : fs::recursive_directory_iterator(SourceDir() + "/examples")) {
    auto ext = e.path().extension();
    if (!e.is_regular_file() || (ext != ".yml" && ext != ".yaml")) continue;
    for (const auto& doc : YAML::LoadAll(testing::ReadBytes(e.path().string())))
      CollectImages(doc, images);
  }
  EXPECT_GE(images.size(), 5u);
  for (const auto& image : images) EXPECT_TRUE(kStockImages.count(image)) << image;
}

TEST(Examples, GitHubJobsThatRunAivenctlUnpackTheTarballThePackageJobBuilds) {
  const std::string dir = ".github/workflows/";
  YAML::Node package = Load("github-actions/" + dir + "aivenctl-package.yml")[0];
  ASSERT_TRUE(package["on"]["workflow_call"]);
  std::string builds, uploads;
  for (const auto& step : package["jobs"]["package"]["steps"]) {
    builds += step["run"] ? step["run"].Scalar() : "";
    if (step["uses"] && step["uses"].Scalar().starts_with("actions/upload-artifact@"))
      uploads = step["with"]["name"].Scalar() + " " + step["with"]["path"].Scalar();
  }
  EXPECT_NE(builds.find("scripts/package"), std::string::npos);
  EXPECT_EQ(uploads, "aivenctl aivenctl-src/dist/aivenctl-*-linux-x86_64.tar.gz");

  int users = 0;
  for (const std::string file : {"integration.yml", "reap.yml"}) {
    YAML::Node jobs = Load("github-actions/" + dir + file)[0]["jobs"];
    std::set<std::string> packagers;
    for (const auto& job : jobs)
      if (Text(job.second["uses"]) == "./" + dir + "aivenctl-package.yml\n")
        packagers.insert(job.first.as<std::string>());
    ASSERT_EQ(packagers.size(), 1u) << file;
    for (const auto& job : jobs) {
      if (!RunsAivenctl(Text(job.second["steps"]))) continue;
      SCOPED_TRACE(file + ": " + job.first.as<std::string>());
      ++users;
      EXPECT_TRUE(Contains(job.second["needs"], *packagers.begin()));
      bool downloaded = false, unpacked = false;
      for (const auto& step : job.second["steps"]) {
        const std::string run = Text(step["run"]);
        if (Text(step["uses"]).starts_with("actions/download-artifact@"))
          downloaded = Text(step["with"]["name"]) == "aivenctl\n";
        if (run.find("tar xzf") != std::string::npos && run.find("linux-x86_64.tar.gz") != run.npos)
          unpacked = downloaded;
        if (RunsAivenctl(run)) {
          EXPECT_TRUE(unpacked) << "runs aivenctl before unpacking the tarball: " << run;
          break;
        }
      }
    }
  }
  EXPECT_EQ(users, 3);
}

TEST(Examples, GitLabJobsThatRunAivenctlUnpackTheTarballThePackageJobBuilds) {
  YAML::Node ci = Load("gitlab-ci/.gitlab-ci.yml")[0];
  const YAML::Node reap = Load("gitlab-ci/reap-schedule.gitlab-ci.yml")[0];
  for (const auto& job : reap) ci[job.first.as<std::string>()] = job.second;

  ASSERT_TRUE(ci["aivenctl-package"]);
  EXPECT_EQ(ci["stages"][0].as<std::string>(), ci["aivenctl-package"]["stage"].as<std::string>());
  EXPECT_NE(Text(ci["aivenctl-package"]["script"]).find("scripts/package"), std::string::npos);
  EXPECT_TRUE(Contains(ci["aivenctl-package"]["artifacts"]["paths"], "aivenctl-src/dist/"));

  int users = 0;
  for (const auto& job : ci) {
    if (!job.second.IsMap() || !RunsAivenctl(Text(job.second["script"]))) continue;
    SCOPED_TRACE(job.first.as<std::string>());
    ++users;
    ASSERT_TRUE(job.second["extends"]);
    YAML::Node base = ci[job.second["extends"].as<std::string>()];
    EXPECT_TRUE(Contains(base["dependencies"], "aivenctl-package"));
    EXPECT_TRUE(kStockImages.count(base["image"].as<std::string>()));
    const std::string setup = Text(base["before_script"]);
    EXPECT_NE(setup.find("tar xzf aivenctl-src/dist/aivenctl-*-linux-x86_64.tar.gz"), setup.npos);
  }
  EXPECT_EQ(users, 4);
}

TEST(Examples, KubernetesReaperRunsTheTarballItsInitContainerFetchedAndChecked) {
  YAML::Node pod;
  for (const auto& doc : Load("kubernetes-reaper/cronjob.yaml"))
    if (doc["kind"].as<std::string>() == "CronJob")
      pod = doc["spec"]["jobTemplate"]["spec"]["template"]["spec"];
  ASSERT_TRUE(pod);
  ASSERT_EQ(pod["initContainers"].size(), 1u);
  YAML::Node fetch = pod["initContainers"][0];
  const std::string fetches = Text(fetch["args"]);
  EXPECT_NE(fetches.find("sha256sum -c"), std::string::npos);
  EXPECT_NE(fetches.find("tar xzf"), std::string::npos);
  const std::string dir = fetch["volumeMounts"][0]["mountPath"].as<std::string>();
  EXPECT_NE(fetches.find("-C " + dir), std::string::npos);

  ASSERT_EQ(pod["containers"].size(), 1u);
  YAML::Node reap = pod["containers"][0];
  EXPECT_EQ(reap["volumeMounts"][0]["mountPath"].as<std::string>(), dir);
  EXPECT_NE(Text(reap["args"]).find(dir + "/bin/aivenctl reap --yes"), std::string::npos);
}

}  // namespace
}  // namespace aivenctl::loader
