/* scms-json.c — to be written */

#include "config.h"
