// The shims are inline functions in include/CShims.h; SwiftPM needs one source file for a C target.
#include "CShims.h"
