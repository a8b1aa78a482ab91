# @EXPECTED_RESULTS@: CORRECT
# A tag left over from an older version: in an official folder DOMjudge goes by the folder.
print(f"Hi {input()}!")
