/*
 * report_assets.h: the files the report inlines, embedded in the binary at
 * build time by src/report/embed.cmake (CMakeLists.txt): the chart library
 * (report/node_modules/echarts/dist/echarts.min.js, pinned by
 * report/package-lock.json) and the page's script and style (report/page.js,
 * report/page.css). Each is NUL-terminated text; _size excludes the NUL.
 */
#ifndef YF_REPORT_ASSETS_H
#define YF_REPORT_ASSETS_H

#include <stddef.h>

extern const unsigned char report_asset_echarts[];
extern const size_t report_asset_echarts_size;
extern const unsigned char report_asset_page_js[];
extern const size_t report_asset_page_js_size;
extern const unsigned char report_asset_page_css[];
extern const size_t report_asset_page_css_size;

/* 0 when the build found no chart library (report/node_modules missing):
 * the command then says how to install it instead of writing a report. */
extern const int report_assets_have_charts;

#endif
