/* scms-decode.c — to be written */

#include "config.h"
