# -*- coding: utf-8 -*-
# The add-on is web-client only: no Python models.
