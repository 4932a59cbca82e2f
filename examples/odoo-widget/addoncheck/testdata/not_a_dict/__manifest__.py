["name", "not_a_dict"]
