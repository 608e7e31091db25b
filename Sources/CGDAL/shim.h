// GDAL/OGR through its C API (gdal.h, ogr_api.h, ogr_srs_api.h, cpl_error.h): only GeoCore imports this
// module, so no GDAL handle reaches BorderKit or the command line (see GeoCore/GDAL).
#ifndef BORDERKIT_CGDAL_SHIM_H
#define BORDERKIT_CGDAL_SHIM_H
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#endif
