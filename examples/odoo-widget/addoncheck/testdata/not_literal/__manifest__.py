{"name": "not_literal", "license": open("LICENSE").read()}
