/* scms-whitelist.c — to be written */

#include "config.h"
