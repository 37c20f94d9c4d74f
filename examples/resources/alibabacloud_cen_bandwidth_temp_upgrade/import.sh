# A temporary upgrade is imported by the ID of its CEN bandwidth package. The package must
# show an open temporary upgrade window.
terraform import alibabacloud_cen_bandwidth_temp_upgrade.example cenbwp-4c2zaavbvh5fx
