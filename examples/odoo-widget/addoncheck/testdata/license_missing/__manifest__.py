{"name": "license_missing", "version": "17.0.1.0.0", "depends": ["web"]}
