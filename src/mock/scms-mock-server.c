/* scms-mock-server.c — to be written */

#include "config.h"
