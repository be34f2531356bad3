/* scms-identifier.c — to be written */

#include "config.h"
