/* scms-error.c — to be written */

#include "config.h"
