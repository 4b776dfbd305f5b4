"""vanphong: the operations system of Vietnam's Party committee offices."""
