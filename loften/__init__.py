"""Löften: citizen promises (medborgarlöften) from situation picture to evaluation."""
