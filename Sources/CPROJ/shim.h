// PROJ: proj.h for local projections (proj_create, proj_trans_generic) and geodesic.h for Karney's
// geodesic algorithms on the ellipsoid (geod_inverse, geod_direct, geod_polygon_*).
#ifndef BORDERKIT_CPROJ_SHIM_H
#define BORDERKIT_CPROJ_SHIM_H
#include <proj.h>
#include <geodesic.h>
#endif
