// GEOS through its reentrant C API only: the `_r` functions take an explicit context handle, so that
// every thread can have its own (see GeoCore/Geometry/GEOSContext.swift). A system library target cannot
// take cSettings, so the define lives here, before the include.
#ifndef BORDERKIT_CGEOS_SHIM_H
#define BORDERKIT_CGEOS_SHIM_H
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
