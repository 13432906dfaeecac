#ifndef FOLIO_CLIBYAML_SHIM_H
#define FOLIO_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
