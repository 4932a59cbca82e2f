{"name": "license_mit", "version": "17.0.1.0.0", "license": "MIT", "depends": ["web"]}
