/* scms-timestamp.c — to be written */

#include "config.h"
