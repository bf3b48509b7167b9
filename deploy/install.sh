#!/usr/bin/env bash
# Builds Đèn Sách in release mode and installs it as a systemd service under its own user:
# program and editable files in /opt/densach, the database in /var/lib/densach. Run as root from the repository.
# Rerunning upgrades: the database stays; page templates, strings and YAML are replaced by the repository's
# (keep your edits in the repository, or pass KEEP_FILES=1 to copy only the program).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "Chạy bằng quyền root: sudo bash deploy/install.sh" >&2; exit 1; }

swift build -c release --product densach
id densach >/dev/null 2>&1 || useradd --system --home-dir /var/lib/densach --shell /usr/sbin/nologin densach
install -d -m 0755 /opt/densach/bin
install -m 0755 "$(swift build -c release --show-bin-path)/densach" /opt/densach/bin/densach
if [ "${KEEP_FILES:-0}" != 1 ]; then
  for folder in web Templates campaigns; do
    rm -rf "/opt/densach/$folder.new" && cp -r "$folder" "/opt/densach/$folder.new"
    rm -rf "/opt/densach/$folder" && mv "/opt/densach/$folder.new" "/opt/densach/$folder"
  done
  cp README.md /opt/densach/README.md
fi
install -m 0644 deploy/densach.service /etc/systemd/system/densach.service
systemctl daemon-reload
systemctl enable --now densach
systemctl --no-pager status densach || true
echo "Mật khẩu quản trị lần đầu (chỉ khi cơ sở dữ liệu mới): journalctl -u densach | grep 'Mật khẩu'"
