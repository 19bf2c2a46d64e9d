#!/usr/bin/env python
"""Same as the `loften` console script, for those used to manage.py."""

from loften.manage import main

if __name__ == "__main__":
    main()
