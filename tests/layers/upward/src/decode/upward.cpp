// A decode source that includes format, a peer: scripts/check_layers.py must refuse it
// (tests/CMakeLists.txt, Layers.RefusesAnUpwardInclude). Never compiled.
#include "estrace/format/call_formatter.h"
