/* scms-game-server.c — to be written */

#include "config.h"
