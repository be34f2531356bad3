/* scms-client.c — to be written */

#include "config.h"
