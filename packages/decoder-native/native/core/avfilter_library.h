// libavfilter, opened on first use rather than linked: only HDR and BT.2020 frames need it (the
// tone-mapping graph of rgb_converter), and a linked libavfilter made every process that loads
// the addon map 32 more libraries (BLAS, speech synthesis, Vulkan...): about 0.1 s of CPU at start.
#pragma once

#include <cstdint>  // before libav: its headers want UINT64_C in C++

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavfilter/version.h>
}

namespace imajin {

// The functions rgb_converter calls, from libavfilter.so.<the major built against>.
struct AvfilterLibrary {
  decltype(&avfilter_version) version;
  decltype(&avfilter_get_by_name) getByName;
  decltype(&avfilter_graph_alloc) graphAlloc;
  decltype(&avfilter_graph_free) graphFree;
  decltype(&avfilter_graph_create_filter) graphCreateFilter;
  decltype(&avfilter_graph_parse_ptr) graphParsePtr;
  decltype(&avfilter_graph_config) graphConfig;
  decltype(&avfilter_inout_alloc) inoutAlloc;
  decltype(&avfilter_inout_free) inoutFree;
  decltype(&av_buffersrc_add_frame) buffersrcAddFrame;
  decltype(&av_buffersink_get_frame) buffersinkGetFrame;
};

// Opens the library on the first call (thread-safe); nullptr when it or a function is missing.
const AvfilterLibrary* avfilterLibrary();
// Whether avfilterLibrary() has been called and succeeded, without opening it.
const AvfilterLibrary* avfilterLibraryIfOpen();

}  // namespace imajin
