// GDAL/OGR through its C API (gdal.h, ogr_api.h, ogr_srs_api.h, cpl_error.h): only GeoCore imports this
// module, so no GDAL handle reaches BorderKit or the command line (see GeoCore/GDAL).
//
// GDAL is loaded when a source first needs it (`dlopen`), not when the program starts: with the libraries it
// brings (xerces, poppler, hdf5, gnutls, ...) it is about 18 MiB resident, which every GeoJSON command would
// carry for nothing. GeoCore calls its functions through the table `borderkit_gdal()` returns (NULL, with
// `borderkit_gdal_error()` saying why, where GDAL cannot be loaded); each entry has the type of the function the
// headers declare, so the compiler checks every call as if it were linked.
#ifndef BORDERKIT_CGDAL_SHIM_H
#define BORDERKIT_CGDAL_SHIM_H
// Debian (libgdal-dev) puts the headers in /usr/include/gdal; elsewhere they may be on the include path.
#if __has_include(<gdal/gdal.h>)
#include <gdal/gdal.h>
#include <gdal/ogr_api.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_string.h>
#include <gdal/cpl_vsi.h>
#else
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_error.h>
#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#endif
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// Every GDAL function GeoCore calls.
#define BORDERKIT_GDAL_FUNCTIONS(X) \
    X(CPLErrorReset) \
    X(CPLGetLastErrorMsg) \
    X(CPLGetLastErrorType) \
    X(CPLPopErrorHandler) \
    X(CPLPushErrorHandler) \
    X(CPLQuietErrorHandler) \
    X(CPLStrdup) \
    X(GDALAllRegister) \
    X(GDALClose) \
    X(GDALCreate) \
    X(GDALDatasetCreateLayer) \
    X(GDALDatasetGetLayer) \
    X(GDALDatasetGetLayerByName) \
    X(GDALDatasetGetLayerCount) \
    X(GDALGetDatasetDriver) \
    X(GDALGetDriverByName) \
    X(GDALGetDriverShortName) \
    X(GDALOpenEx) \
    X(GDALVersionInfo) \
    X(OGR_FD_GetFieldCount) \
    X(OGR_FD_GetFieldDefn) \
    X(OGR_F_Create) \
    X(OGR_F_Destroy) \
    X(OGR_F_GetFID) \
    X(OGR_F_GetFieldAsDateTimeEx) \
    X(OGR_F_GetFieldAsDouble) \
    X(OGR_F_GetFieldAsDoubleList) \
    X(OGR_F_GetFieldAsInteger) \
    X(OGR_F_GetFieldAsInteger64) \
    X(OGR_F_GetFieldAsInteger64List) \
    X(OGR_F_GetFieldAsIntegerList) \
    X(OGR_F_GetFieldAsString) \
    X(OGR_F_GetFieldAsStringList) \
    X(OGR_F_GetGeometryRef) \
    X(OGR_F_IsFieldNull) \
    X(OGR_F_IsFieldSet) \
    X(OGR_F_SetFieldDouble) \
    X(OGR_F_SetFieldInteger) \
    X(OGR_F_SetFieldInteger64) \
    X(OGR_F_SetFieldNull) \
    X(OGR_F_SetFieldString) \
    X(OGR_F_SetGeometryDirectly) \
    X(OGR_Fld_Create) \
    X(OGR_Fld_Destroy) \
    X(OGR_Fld_GetNameRef) \
    X(OGR_Fld_GetSubType) \
    X(OGR_Fld_GetType) \
    X(OGR_Fld_SetSubType) \
    X(OGR_GT_IsNonLinear) \
    X(OGR_GT_SetZ) \
    X(OGR_G_CreateFromWkb) \
    X(OGR_G_DestroyGeometry) \
    X(OGR_G_ExportToIsoWkb) \
    X(OGR_G_GetGeometryType) \
    X(OGR_G_GetLinearGeometry) \
    X(OGR_G_WkbSize) \
    X(OGR_L_CommitTransaction) \
    X(OGR_L_CreateFeature) \
    X(OGR_L_CreateField) \
    X(OGR_L_GetGeomType) \
    X(OGR_L_GetLayerDefn) \
    X(OGR_L_GetName) \
    X(OGR_L_GetNextFeature) \
    X(OGR_L_GetSpatialRef) \
    X(OGR_L_ResetReading) \
    X(OGR_L_StartTransaction) \
    X(OSRDestroySpatialReference) \
    X(OSRExportToWktEx) \
    X(OSRGetAuthorityCode) \
    X(OSRGetAuthorityName) \
    X(OSRGetAxis) \
    X(OSRGetDataAxisToSRSAxisMapping) \
    X(OSRGetName) \
    X(OSRImportFromEPSG) \
    X(OSRIsGeographic) \
    X(OSRIsSameEx) \
    X(OSRNewSpatialReference) \
    X(OSRSetAxisMappingStrategy) \
    X(OSRSetWellKnownGeogCS) \
    X(VSIFree)

/// GDAL's functions, looked up in the loaded library.
struct borderkit_gdal_api {
#define BORDERKIT_GDAL_ENTRY(name) __typeof__(name) *name;
    BORDERKIT_GDAL_FUNCTIONS(BORDERKIT_GDAL_ENTRY)
#undef BORDERKIT_GDAL_ENTRY
};

/// The loaded table, whether it is complete, and why not (one per program: a static of an inline function, which
/// Swift's importer emits where a static variable of a header it would not).
struct borderkit_gdal_state {
    struct borderkit_gdal_api api;
    int loaded;
    char error[512];
};

static inline struct borderkit_gdal_state *borderkit_gdal_shared(void) {
    static struct borderkit_gdal_state state;
    return &state;
}

static inline void borderkit_gdal_load(void) {
    struct borderkit_gdal_state *state = borderkit_gdal_shared();
    // The development link first (libgdal-dev), then the sonames of recent GDAL releases.
    static const char *const names[] = {"libgdal.so", "libgdal.so.32", "libgdal.so.33", "libgdal.so.34", "libgdal.so.35",
                                        "libgdal.so.36", "libgdal.so.37", "libgdal.so.31", "libgdal.so.30"};
    // BORDERKIT_GDAL names the library to load instead (a GDAL of one's own: conda, a build of one's own).
    const char *chosen = getenv("BORDERKIT_GDAL");
    void *handle = NULL;
    if (chosen != NULL && chosen[0] != 0) {
        handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    } else {
        for (unsigned i = 0; i < sizeof names / sizeof names[0] && handle == NULL; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (handle == NULL) {
        const char *why = dlerror();
        snprintf(state->error, sizeof state->error, "GDAL (%s) cannot be loaded: %s", chosen != NULL && chosen[0] != 0 ? chosen : "libgdal.so",
                 why ? why : "not found");
        return;
    }
#define BORDERKIT_GDAL_LOOKUP(name) \
    state->api.name = (__typeof__(name) *)dlsym(handle, #name); \
    if (state->api.name == NULL) { \
        snprintf(state->error, sizeof state->error, "the GDAL loaded has no function %s", #name); \
        return; \
    }
    BORDERKIT_GDAL_FUNCTIONS(BORDERKIT_GDAL_LOOKUP)
#undef BORDERKIT_GDAL_LOOKUP
    state->loaded = 1;
}

/// GDAL's functions, loading the library on the first call (once, whichever thread asks); NULL where it cannot be loaded.
static inline const struct borderkit_gdal_api *borderkit_gdal(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, borderkit_gdal_load);
    struct borderkit_gdal_state *state = borderkit_gdal_shared();
    return state->loaded ? &state->api : NULL;
}

/// Why `borderkit_gdal()` returned NULL.
static inline const char *borderkit_gdal_error(void) { return borderkit_gdal_shared()->error; }
#endif
