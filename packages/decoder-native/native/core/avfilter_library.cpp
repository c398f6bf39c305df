#include "core/avfilter_library.h"

#include <dlfcn.h>

#include <atomic>
#include <type_traits>

extern "C" {
#include <libavutil/macros.h>
}

namespace imajin {
namespace {

std::atomic<const AvfilterLibrary*> opened{nullptr};

const AvfilterLibrary* open() {
  // The soname of the major the headers describe: a library with another ABI is never opened.
  void* handle = dlopen("libavfilter.so." AV_STRINGIFY(LIBAVFILTER_VERSION_MAJOR), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return nullptr;
  static AvfilterLibrary lib;
  bool ok = true;
  auto bind = [&](auto& fn, const char* name) {
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(handle, name));
    ok = ok && fn != nullptr;
  };
  bind(lib.version, "avfilter_version");
  bind(lib.getByName, "avfilter_get_by_name");
  bind(lib.graphAlloc, "avfilter_graph_alloc");
  bind(lib.graphFree, "avfilter_graph_free");
  bind(lib.graphCreateFilter, "avfilter_graph_create_filter");
  bind(lib.graphParsePtr, "avfilter_graph_parse_ptr");
  bind(lib.graphConfig, "avfilter_graph_config");
  bind(lib.inoutAlloc, "avfilter_inout_alloc");
  bind(lib.inoutFree, "avfilter_inout_free");
  bind(lib.buffersrcAddFrame, "av_buffersrc_add_frame");
  bind(lib.buffersinkGetFrame, "av_buffersink_get_frame");
  return ok ? &lib : nullptr;  // the handle stays open for the process's life
}

}  // namespace

const AvfilterLibrary* avfilterLibrary() {
  static const AvfilterLibrary* lib = open();  // initialised once, thread-safe
  opened.store(lib);
  return lib;
}

const AvfilterLibrary* avfilterLibraryIfOpen() { return opened.load(); }

}  // namespace imajin
