#include "git_ignore.h"

#include <dlfcn.h>
#include <git2.h>

#include <cstdlib>
#include <system_error>

namespace digestlint {

namespace fs = std::filesystem;

// The libgit2 functions digestlint calls, resolved from the loaded library.
struct GitIgnore::Library {
  void* handle = nullptr;
  decltype(&git_libgit2_init) init = nullptr;
  decltype(&git_libgit2_shutdown) shutdown = nullptr;
  decltype(&git_libgit2_opts) opts = nullptr;
  decltype(&git_repository_open_ext) open = nullptr;
  decltype(&git_repository_free) free = nullptr;
  decltype(&git_ignore_path_is_ignored) is_ignored = nullptr;
  decltype(&git_error_last) last_error = nullptr;

  ~Library() {
    if (shutdown) shutdown();
    // The handle stays open: libgit2 may have thread-local destructors to run at exit.
  }

  // Loads DIGESTLINT_LIBGIT2 when set, else the libgit2 digestlint was built against.
  static std::unique_ptr<Library> Load(std::string* problem) {
    const char* override_name = std::getenv("DIGESTLINT_LIBGIT2");
    const std::string name = override_name && *override_name ? override_name : DIGESTLINT_LIBGIT2_SONAME;
    auto library = std::make_unique<Library>();
    library->handle = dlopen(name.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!library->handle) {
      *problem = dlerror();
      return nullptr;
    }
    const auto resolve = [&](auto& function, const char* symbol) {
      function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(library->handle, symbol));
      return function != nullptr;
    };
    if (!resolve(library->init, "git_libgit2_init") || !resolve(library->shutdown, "git_libgit2_shutdown") ||
        !resolve(library->opts, "git_libgit2_opts") || !resolve(library->open, "git_repository_open_ext") ||
        !resolve(library->free, "git_repository_free") || !resolve(library->is_ignored, "git_ignore_path_is_ignored") ||
        !resolve(library->last_error, "git_error_last")) {
      *problem = name + " lacks a libgit2 function digestlint needs";
      library->shutdown = nullptr;
      return nullptr;
    }
    if (library->init() < 0) {
      *problem = "libgit2 could not start";
      library->shutdown = nullptr;
      return nullptr;
    }
    // Only ignore rules are read, and nothing is run: a work tree owned by
    // another user (a CI container's checkout) is as good as one's own.
    library->opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    return library;
  }

  std::string LastError() const {
    const git_error* error = last_error();
    return error && error->message ? error->message : "unknown libgit2 error";
  }
};

struct GitIgnore::Repository {
  fs::path work_tree;
  git_repository* repository = nullptr;
  const Library* library = nullptr;
  ~Repository() {
    if (repository) library->free(repository);
  }
};

GitIgnore::GitIgnore() = default;

GitIgnore::~GitIgnore() {
  repositories_.clear();  // before libgit2 shuts down
  library_.reset();
}

GitIgnore::Repository* GitIgnore::RepositoryFor(const fs::path& folder) {
  const auto known = repository_of_folder_.find(folder);
  if (known != repository_of_folder_.end()) return known->second;
  Repository* repository = nullptr;
  std::error_code error;
  if (fs::exists(folder / ".git", error)) {
    repository = Open(folder);
  } else if (folder.has_parent_path() && folder.parent_path() != folder) {
    repository = RepositoryFor(folder.parent_path());
  }
  repository_of_folder_[folder] = repository;
  return repository;
}

GitIgnore::Repository* GitIgnore::Open(const fs::path& work_tree) {
  if (!library_ && library_problem_.empty()) {
    library_ = Library::Load(&library_problem_);
    if (!library_) {
      warnings_.push_back(".gitignore is not applied: cannot load libgit2: " + library_problem_ +
                          " (Debian: apt-get install libgit2-1.5)");
    }
  }
  if (!library_) return nullptr;
  auto repository = std::make_unique<Repository>();
  repository->work_tree = work_tree;
  repository->library = library_.get();
  if (library_->open(&repository->repository, work_tree.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    warnings_.push_back(".gitignore is not applied in " + work_tree.string() + ": " + library_->LastError());
    repository->repository = nullptr;
    return nullptr;
  }
  return repositories_.emplace(work_tree, std::move(repository)).first->second.get();
}

bool GitIgnore::Ignores(const fs::path& path, bool folder) {
  Repository* repository = RepositoryFor(path.parent_path());
  if (!repository) return false;
  std::string relative = path.lexically_relative(repository->work_tree).generic_string();
  if (relative.empty() || relative == "." || relative.rfind("..", 0) == 0) return false;
  if (folder) relative += '/';  // folder-only patterns ("build/") apply, without a stat
  int ignored = 0;
  if (library_->is_ignored(&ignored, repository->repository, relative.c_str()) < 0) {
    warnings_.push_back(".gitignore could not be checked for " + path.string() + ": " + library_->LastError());
    return false;
  }
  return ignored == 1;
}

std::vector<std::string> GitIgnore::TakeWarnings() {
  std::vector<std::string> taken;
  taken.swap(warnings_);
  return taken;
}

}  // namespace digestlint
