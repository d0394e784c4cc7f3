"""Text of datasets, the Train page, training messages, the training doctor. key -> (en, ko)."""

TEXT = {
    "data.unknown": ("There is no dataset called '{name}'. Known: {names}.", "'{name}'라는 데이터셋은 없습니다. 있는 것: {names}."),
    "data.missing": ("{name} is not on this machine (in {root}) and downloading is off. The offline sets need no "
                     "network: {offline}.",
                     "{name}이(가) 이 컴퓨터({root})에 없고 다운로드가 꺼져 있습니다. 오프라인 데이터셋은 네트워크 "
                     "없이 됩니다: {offline}."),
    "data.download_failed": ("{name} could not be downloaded: {reason} The offline sets need no network: {offline}.",
                             "{name}을(를) 내려받지 못했습니다: {reason} 오프라인 데이터셋은 네트워크가 필요 없습니다: "
                             "{offline}."),
    "data.why_offline": ("this machine cannot reach the internet (the download server's name could not be looked up).",
                         "이 컴퓨터가 인터넷에 연결되어 있지 않습니다 (내려받을 서버의 이름을 찾지 못했습니다)."),
    "data.why_refused": ("the download server refused the connection.", "내려받을 서버가 연결을 거부했습니다."),
    "data.why_timeout": ("the download server did not answer in time.", "내려받을 서버가 제때 응답하지 않았습니다."),
    "data.why_http": ("the download server answered with an error (HTTP {code}).",
                      "내려받을 서버가 오류로 응답했습니다 (HTTP {code})."),
    "data.why_checksum": ("the file arrived damaged (its checksum does not match); nothing was kept.",
                          "파일이 손상된 채 도착했습니다 (체크섬이 맞지 않음). 아무것도 저장하지 않았습니다."),
    "data.why_short": ("the download was cut off before the end; nothing was kept.",
                       "내려받기가 끝나기 전에 끊겼습니다. 아무것도 저장하지 않았습니다."),
    "data.why_other": ("the download failed (the server log has the details).",
                       "내려받기에 실패했습니다 (자세한 내용은 서버 로그에 있습니다)."),
    "data.broken": ("The files of {name} on this machine (in {root}) cannot be read; the server log says why. "
                    "Delete that folder to download them again.",
                    "이 컴퓨터({root})에 있는 {name} 파일을 읽을 수 없습니다. 이유는 서버 로그에 있습니다. 그 폴더를 "
                    "지우면 다시 내려받습니다."),
    "data.use_offline": ("Use {name} instead", "{name}(으)로 바꾸기"),
    "dataset_name.digits": ("Digits", "숫자"),
    "dataset_name.textures": ("Textures", "질감"),
    "dataset_name.ihc": ("Stained tissue", "염색 조직"),
    "dataset_name.faces": ("Faces", "얼굴"),
    "dataset_name.mnist": ("MNIST", "MNIST"),
    "dataset_name.fashion-mnist": ("Fashion-MNIST", "Fashion-MNIST"),
    "dataset_name.cifar10": ("CIFAR-10", "CIFAR-10"),
    "train.bad_stack": ("The custom model's stack is not readable JSON.", "사용자 모델의 스택을 JSON으로 읽을 수 없습니다."),
    "train.unknown_model": ("There is no model called '{name}'. Known: {names}, custom.",
                            "'{name}'라는 모델은 없습니다. 있는 것: {names}, custom."),
    "train.range": ("{kw} must be from {low} to {high}; got {v!r}.", "{kw}는 {low}에서 {high} 사이여야 하는데 {v!r}입니다."),
    "train.choice": ("{kw} must be one of {options}; got {v!r}.", "{kw}는 {options} 중 하나여야 하는데 {v!r}입니다."),
    "train.invalid_stack": ("This stack cannot be built: {error}", "이 스택은 만들 수 없습니다: {error}"),
    "train.not_autoencoder": ("The model's output {out} is not its input {inp}, so it cannot learn to rebuild "
                              "images. Fix it in the Layer Builder.",
                              "모델의 출력 {out}이 입력 {inp}과 달라 이미지를 복원하는 법을 배울 수 없습니다. 레이어 "
                              "빌더에서 고치세요."),
    "train.channels": ("The model takes {c} channels; images have 1 (grey) or 3 (colour).",
                       "모델이 채널 {c}개를 받는데 이미지는 1개(흑백)나 3개(컬러)입니다."),
    "train.flat_input": ("A flat input of {n} values must be channels × side × side of an image (784 = 1 × 28 × 28, "
                         "3072 = 3 × 32 × 32).",
                         "평평한 입력 {n}개는 채널 × 변 × 변이어야 합니다 (784 = 1 × 28 × 28, 3072 = 3 × 32 × 32)."),
    "train.needs_mirror": ("A {family} model needs Dense layers that mirror each other, like 784 → 300 → 150 → 300 → "
                           "784, with nothing but reshapes and activations between them.",
                           "{family} 모델에는 784 → 300 → 150 → 300 → 784처럼 서로 거울처럼 마주 보는 Dense 층이 "
                           "필요하고, 그 사이에는 모양 바꾸기와 활성화만 있어야 합니다."),
    "train.kl_needs_sigmoid": ("The KL sparsity penalty compares each code unit's mean activation with ρ, so the code "
                               "must lie between 0 and 1: give the bottleneck layer a sigmoid.",
                               "KL 희소성 벌점은 코드 단위마다 평균 활성값을 ρ와 비교하므로 코드가 0과 1 사이에 "
                               "있어야 합니다: 병목 층에 sigmoid를 쓰세요."),
    "train.no_such_class": ("{data} has no class number {n} (it has {k}: 0 to {last}).",
                            "{data}에는 {n}번 클래스가 없습니다 ({k}개: 0부터 {last}까지)."),
    "train.bce_needs_sigmoid": ("Binary cross-entropy needs outputs between 0 and 1: end the model with a sigmoid, "
                                "or choose MSE.",
                                "이진 교차 엔트로피는 0과 1 사이의 출력이 필요합니다: 모델 끝에 sigmoid를 두거나 MSE를 "
                                "고르세요."),
    "train.budget": ("{n} images × {e} epochs = {total} image passes is more than this {device} allows ({budget}). "
                     "Use fewer epochs or fewer images.",
                     "이미지 {n}장 × {e} 에폭 = {total}번은 이 {device}에서 허용하는 {budget}번보다 많습니다. 에폭이나 "
                     "이미지를 줄이세요."),
    "train.crashed": ("Training stopped on an unexpected {error}. The details are in the server log; try again, or "
                      "with smaller settings.",
                      "예상하지 못한 {error} 때문에 학습이 멈췄습니다. 자세한 내용은 서버 로그에 있습니다. 다시 하거나 "
                      "더 작은 설정으로 해 보세요."),
    "viz.train_loss": ("training", "학습"),
    "viz.test_loss": ("test", "테스트"),
    "viz.now": ("this epoch so far", "이번 에폭 진행 중"),
    "viz.loss_title": ("Loss per epoch {loss}", "에폭별 손실 {loss}"),
    "viz.epoch": ("epoch", "에폭"),
    "viz.loss": ("loss", "손실"),
    "train.title": ("🏋️ Train", "🏋️ 학습"),
    "train.intro": ("The model learns to rebuild its input through the narrow code. Watch the loss fall and the "
                    "reconstructions sharpen, epoch by epoch. A finished run is kept: the same settings come back "
                    "at once.",
                    "모델이 좁은 코드를 거쳐 입력을 다시 만드는 법을 배웁니다. 에폭마다 손실이 줄고 복원이 선명해지는 "
                    "것을 보세요. 끝난 학습은 저장되어 같은 설정이면 바로 다시 나옵니다."),
    "train.dataset": ("Images", "이미지"),
    "train.model": ("Model", "모델"),
    "train.model_custom": ("My stack from the Layer Builder", "레이어 빌더에서 만든 내 스택"),
    "train.no_custom": ("Build a stack in the Layer Builder first: it appears here when its output shape equals its "
                        "input shape.",
                        "먼저 레이어 빌더에서 스택을 만드세요: 출력 모양이 입력 모양과 같으면 여기에 나타납니다."),
    "train.to_builder": ("Back to the Layer Builder", "레이어 빌더로 돌아가기"),
    "train.epochs": ("Epochs", "에폭"),
    "train.batch": ("Batch size", "배치 크기"),
    "train.lr": ("Learning rate (Adam)", "학습률 (Adam)"),
    "train.loss": ("Loss", "손실 함수"),
    "train.loss_auto": ("auto", "자동"),
    "train.loss_bce": ("BCE", "BCE"),
    "train.loss_mse": ("MSE", "MSE"),
    "train.denoise_title": ("Denoising and sparsity", "노이즈 제거와 희소성"),
    "train.noise": ("Corrupt the input with", "입력에 넣을 노이즈"),
    "train.noise_level": ("Noise level", "노이즈 세기"),
    "train.level_help": ("Gaussian: σ on pixels in [0, 1] (lesson 2 uses 0.2). Salt-and-pepper and masking: the "
                         "share of pixels hit.",
                         "가우시안: [0, 1] 픽셀에 더하는 σ (2강은 0.2). 소금-후추와 마스킹: 바뀌는 픽셀의 비율."),
    "train.sparsity": ("Sparsity (L1 on the code)", "희소성 (코드에 L1)"),
    "train.sparsity_help": ("A sparse autoencoder: a penalty that keeps most of the code near zero.",
                            "희소 오토인코더: 코드 대부분이 0 가까이 머물도록 벌점을 줍니다."),
    "train.advanced": ("More settings", "설정 더 보기"),
    "train.seed": ("Random seed", "난수 시드"),
    "train.max_train": ("At most this many training images", "학습 이미지 최대 개수"),
    "train.max_train_help": ("A smaller number trains faster on a small machine.", "작을수록 작은 컴퓨터에서 빨리 학습합니다."),
    "train.go": ("Train", "학습 시작"),
    "train.stop": ("Stop", "멈추기"),
    "train.ready": ("Choose the settings and press Train. The defaults take seconds, even without a GPU.",
                    "설정을 고르고 학습 시작을 누르세요. 기본 설정은 GPU 없이도 몇 초면 됩니다."),
    "file.title": ("Take this model home, or bring one back", "이 모델을 가져가거나, 가져온 모델 올리기"),
    "file.download": ("Download the model (.zip)", "모델 내려받기 (.zip)"),
    "file.upload": ("Bring back a model file from this app (.zip, up to {mb} MB)",
                    "이 앱에서 받은 모델 파일 올리기 (.zip, {mb} MB까지)"),
    "file.kept": ("Nothing was changed.", "아무것도 바꾸지 않았습니다."),
    "file.loaded": ("Loaded: {what}, trained for {n} epoch(s). It is shown below and kept on this server.",
                    "불러왔습니다: {what}, {n} 에폭 학습한 모델입니다. 아래에 보이고 이 서버에 저장됩니다."),
    "file.too_big": ("The file is larger than {mb} MB; a model file of this app is much smaller.",
                     "파일이 {mb} MB보다 큽니다. 이 앱의 모델 파일은 훨씬 작습니다."),
    "file.not_zip": ("This is not a model file of this app (not a zip file).",
                     "이 앱의 모델 파일이 아닙니다 (zip 파일이 아님)."),
    "file.members": ("This zip does not hold a model of this app: it has {found}, a model file has {expected}.",
                     "이 zip에는 이 앱의 모델이 없습니다: {found}이(가) 있는데, 모델 파일에는 {expected}이(가) "
                     "있어야 합니다."),
    "file.config": ("The model file's settings (config.json) cannot be read.",
                    "모델 파일의 설정(config.json)을 읽을 수 없습니다."),
    "file.format": ("The model file is of another version of this app (format {got}, this one reads {want}).",
                    "다른 버전의 앱에서 만든 모델 파일입니다 (형식 {got}, 이 앱은 {want}을 읽습니다)."),
    "file.key": ("The model file's settings do not match their own key: it was changed after it was saved.",
                 "모델 파일의 설정이 그 키와 맞지 않습니다: 저장한 뒤에 바뀌었습니다."),
    "file.refused": ("The model in the file is refused here: {why}", "파일의 모델을 여기서는 받을 수 없습니다: {why}"),
    "file.history": ("The model file's history (history.json) cannot be read.",
                     "모델 파일의 기록(history.json)을 읽을 수 없습니다."),
    "file.weights": ("The model file's weights cannot be read as plain numbers, so they were not loaded (nothing "
                     "in the file was run).",
                     "모델 파일의 가중치를 숫자로 읽을 수 없어 불러오지 않았습니다 (파일 안의 어떤 것도 실행하지 "
                     "않았습니다)."),
    "file.nan": ("The model file's weights contain NaN or infinite numbers; such a model draws nothing useful.",
                 "모델 파일의 가중치에 NaN이나 무한대가 있습니다. 이런 모델은 쓸모 있는 그림을 만들지 못합니다."),
    "file.keys": ("The weights do not fit the model the file describes (missing: {missing}; extra: {extra}).",
                  "가중치가 파일이 말하는 모델과 맞지 않습니다 (없는 것: {missing}; 남는 것: {extra})."),
    "file.shape": ("The weights do not fit the model the file describes: {name} is {got}, the model needs {want}.",
                   "가중치가 파일이 말하는 모델과 맞지 않습니다: {name}은(는) {got}인데 모델에는 {want}이(가) "
                   "필요합니다."),
    "budget.layers": ("The model has {n} layers; this server trains at most {max}.",
                      "모델의 층이 {n}개입니다. 이 서버는 {max}개까지만 학습합니다."),
    "budget.channels": ("Layer {i} ({name}) has {n} channels; this server trains at most {max} per layer. Fewer "
                        "channels learn these small images just as well.",
                        "{i}번 층({name})의 채널이 {n}개입니다. 이 서버는 층마다 {max}개까지만 학습합니다. 이 작은 "
                        "이미지에는 채널이 적어도 충분히 배웁니다."),
    "budget.units": ("Layer {i} ({name}) has {n} units; this server trains at most {max} per layer.",
                     "{i}번 층({name})의 유닛이 {n}개입니다. 이 서버는 층마다 {max}개까지만 학습합니다."),
    "budget.kernel": ("Layer {i} ({name}) has {kw}={k}; this server takes sides up to {max}.",
                      "{i}번 층({name})의 {kw}={k}입니다. 이 서버는 {max}까지만 받습니다."),
    "budget.params": ("The model has {n} weights; this server trains at most {max}. Use fewer channels or units.",
                      "모델의 가중치가 {n}개입니다. 이 서버는 {max}개까지만 학습합니다. 채널이나 유닛을 줄이세요."),
    "budget.memory": ("Training this model with batches of {batch} would take about {mb} MB of memory; this server "
                      "allows {max} MB a training. Use a smaller batch, or fewer channels or units.",
                      "이 모델을 배치 {batch}로 학습하려면 메모리가 약 {mb} MB 필요합니다. 이 서버는 학습 하나에 "
                      "{max} MB까지 허용합니다. 배치를 줄이거나 채널, 유닛을 줄이세요."),
    "train.worker_died": ("The process training this model stopped unexpectedly (out of memory, or killed). Nothing "
                          "was kept; try again with a smaller batch or model.",
                          "이 모델을 학습하던 프로세스가 갑자기 멈췄습니다 (메모리 부족이거나 강제 종료). 저장된 것이 "
                          "없습니다. 배치나 모델을 줄여 다시 해 보세요."),
    "train.abandoned": ("Nobody was waiting for this training any more ({s} s with no open page for it), so it was "
                        "taken out of the queue. Press Train to start it again.",
                        "이 학습을 기다리는 페이지가 없어 ({s}초 동안) 대기열에서 뺐습니다. 다시 하려면 학습 시작을 "
                        "누르세요."),
    "train.lost": ("This training is no longer running (the server was restarted). Press Train to start it again.",
                   "이 학습은 더 이상 진행되지 않습니다 (서버가 다시 시작됐습니다). 다시 하려면 학습 시작을 누르세요."),
    "train.oom": ("The GPU ran out of memory. Try a smaller batch (now {batch}) or a smaller model; the memory was "
                  "given back.",
                  "GPU 메모리가 모자랐습니다. 배치(지금 {batch})나 모델을 더 작게 해 보세요. 메모리는 돌려놓았습니다."),
    "train.time_budget": ("This server gives one training at most {s} s; it stopped there and kept what it had "
                          "learned (the settings now say where it stopped).",
                          "이 서버는 학습 하나에 최대 {s}초를 줍니다. 거기서 멈추고 그때까지 배운 모델을 저장했습니다 "
                          "(설정에 멈춘 곳이 적혀 있습니다)."),
    "train.diverged": ("The training diverged: its weights became NaN or infinite, so nothing was kept. A smaller "
                       "learning rate (now {lr:g}) usually cures it.",
                       "학습이 발산했습니다: 가중치가 NaN이나 무한대가 되어 저장하지 않았습니다. 학습률(지금 {lr:g})을 "
                       "줄이면 보통 해결됩니다."),
    "train.no_checkpoint": ("The stopped run to continue from is gone; press Train to start again.",
                            "이어서 할 멈춘 학습이 없어졌습니다. 학습 시작을 눌러 다시 시작하세요."),
    "train.queued": ("Waiting for the machine: {n} in line. Other learners are training now.",
                     "컴퓨터를 기다리는 중: {n}번째 순서입니다. 다른 학생이 학습 중입니다."),
    "train.downloading": ("Downloading {label}: {size}", "{label} 내려받는 중: {size}"),
    "train.loading": ("Loading the images…", "이미지를 불러오는 중…"),
    "train.epoch_of": ("Epoch {e} of {n} · step {s} of {steps}", "에폭 {e}/{n} · 단계 {s}/{steps}"),
    "train.phase_queued": ("Queued", "대기 중"),
    "train.phase_data": ("Loading the images…", "이미지를 불러오는 중…"),
    "train.phase_training": ("Training…", "학습 중…"),
    "train.phase_done": ("Done", "완료"),
    "train.phase_saving": ("Saving the model…", "모델을 저장하는 중…"),
    "train.phase_stopped": ("Stopped", "멈춤"),
    "train.stopped_early": ("Stopped before training began: nothing was trained or kept. Press Train to start again.",
                            "학습을 시작하기 전에 멈췄습니다: 학습하거나 저장한 것이 없습니다. 다시 학습 시작을 누르세요."),
    "train.stopped_in": ("Stopped in epoch {e} of {n}, after step {s} of {steps}: {done} epoch(s) complete.",
                         "{n} 에폭 중 {e}번째 에폭, {steps}단계 중 {s}단계에서 멈췄습니다: 끝난 에폭은 {done}개입니다."),
    "train.stopped_after": ("Stopped after {done} of {n} epochs.", "{n} 에폭 중 {done} 에폭을 마치고 멈췄습니다."),
    "train.stopped_at": ("This model is not finished and is **not kept** yet. Continue from exactly here (the same order "
                         "of images and the same noise, as if it had never stopped), or keep it as it is now.",
                         "이 모델은 다 학습되지 않았고 아직 **저장되지 않았습니다**. 멈춘 자리에서 그대로 이어서 "
                         "학습하거나 (이미지 순서와 노이즈까지 멈추지 않은 것처럼 이어집니다), 지금 모습 그대로 "
                         "저장하세요."),
    "train.not_learned": ("{done} But it did not learn the images: see the training doctor below.",
                          "{done} 하지만 이미지를 배우지 못했습니다: 아래의 학습 진단을 보세요."),
    "train.continue": ("Continue training", "이어서 학습하기"),
    "train.keep": ("Keep it as it is", "지금 그대로 저장"),
    "train.keep_help": ("Keeps this model, stopped part-way, as a model of its own: the other pages can use it, and "
                        "its settings record where it stopped.",
                        "중간에 멈춘 이 모델을 따로 저장합니다: 다른 페이지에서 쓸 수 있고, 설정에 멈춘 위치가 "
                        "기록됩니다."),
    "train.kept_partial": ("Kept as it was when stopped, after {steps} steps: not fully trained. The other pages can "
                           "use it.",
                           "멈췄을 때 그대로, {steps}단계 학습한 모델을 저장했습니다: 끝까지 학습하지는 않았습니다. "
                           "다른 페이지에서 쓸 수 있습니다."),
    "train.note_from_builder": ("Your stack from the Layer Builder ({n} layers) is the model here. Choose the images and "
                                "settings, then press Train.",
                                "레이어 빌더에서 만든 스택({n}개 층)이 여기의 모델입니다. 이미지와 설정을 고른 뒤 학습 "
                                "시작을 누르세요."),
    "train.note_doctor": ("The suggested settings are in the form now: press Train to try them.",
                          "제안한 설정을 양식에 넣었습니다: 학습 시작을 눌러 해 보세요."),
    "train.custom_is": ("My stack: {n} layers, {dialect}, input ({shape}). Change it in the Layer Builder.",
                        "내 스택: {n}개 층, {dialect}, 입력 ({shape}). 레이어 빌더에서 바꿀 수 있습니다."),
    "train.last_run": ("Below: your last run ({what}). The settings above differ: press Train to run them.",
                       "아래는 마지막 학습({what})입니다. 위의 설정은 이와 다릅니다: 학습 시작을 누르면 그 설정으로 "
                       "학습합니다."),
    "train.phase_error": ("Stopped by an error", "오류로 멈춤"),
    "train.finished": ("Trained in {s} s and kept: the same settings will come back at once.",
                       "{s}초 동안 학습해 저장했습니다: 같은 설정이면 바로 다시 나옵니다."),
    "train.from_memory": ("Already trained with these settings (kept in memory): no need to train again.",
                          "이 설정으로 이미 학습했습니다 (메모리에 있음): 다시 학습할 필요가 없습니다."),
    "train.from_disk": ("Already trained with these settings (kept on disk): no need to train again.",
                        "이 설정으로 이미 학습했습니다 (디스크에 있음): 다시 학습할 필요가 없습니다."),
    "noise.none": ("no noise", "노이즈 없음"),
    "noise.gaussian": ("Gaussian noise", "가우시안 노이즈"),
    "noise.salt_pepper": ("salt and pepper", "소금-후추 노이즈"),
    "noise.masking": ("masking (pixels set to 0)", "마스킹 (픽셀을 0으로)"),
    "grid.originals": ("top: test images", "위: 테스트 이미지"),
    "grid.noisy": ("middle: the input with {kind}", "가운데: {kind}를 넣은 입력"),
    "grid.reconstructions": ("bottom: the autoencoder's reconstructions", "아래: 오토인코더의 복원"),
    "stat.device": ("Device", "장치"),
    "stat.images": ("Training images", "학습 이미지"),
    "stat.epoch_s": ("Time per epoch", "에폭당 시간"),
    "stat.speed": ("Images per second", "초당 이미지"),
    "stat.running": ("Loss this epoch so far", "이번 에폭 손실"),
    "train.curve_soon": ("The loss curve appears when the first epoch ends.", "첫 에폭이 끝나면 손실 곡선이 나타납니다."),
    "dataset.digits": ("Digits · 1,797 handwritten 8×8 digits (scikit-learn), offline", "숫자 · 손글씨 8×8 숫자 1,797장 (scikit-learn), 오프라인"),
    "dataset.textures": ("Textures · grass, gravel, brick tiles (scikit-image), offline",
                         "질감 · 풀, 자갈, 벽돌 조각 (scikit-image), 오프라인"),
    "dataset.ihc": ("Stained tissue · colour tiles of an IHC slide (scikit-image), offline",
                    "염색 조직 · IHC 슬라이드의 컬러 조각 (scikit-image), 오프라인"),
    "dataset.faces": ("Faces · 200 small face / non-face patches (scikit-image), offline",
                      "얼굴 · 작은 얼굴/비얼굴 조각 200장 (scikit-image), 오프라인"),
    "dataset.mnist": ("MNIST · 70,000 handwritten digits", "MNIST · 손글씨 숫자 70,000장"),
    "dataset.fashion-mnist": ("Fashion-MNIST · 70,000 clothing images", "Fashion-MNIST · 옷 이미지 70,000장"),
    "dataset.cifar10": ("CIFAR-10 · 60,000 small colour photos", "CIFAR-10 · 작은 컬러 사진 60,000장"),
    "dataset.medmnist": ("{title} (MedMNIST, {c} channel(s)) · downloads {mb} MB", "{title} (MedMNIST, 채널 {c}개) · {mb} MB 내려받기"),
    "dataset.local": ("on this machine", "이 컴퓨터에 있음"),
    "dataset.download": ("downloads {mb} MB", "{mb} MB 내려받기"),
    "doctor.title_collapsed": ("The training doctor: this model did not learn the images", "학습 진단: 이 모델은 이미지를 배우지 못했습니다"),
    "doctor.title_weak": ("The training doctor: this model has barely started to learn", "학습 진단: 이 모델은 이제 막 배우기 시작했습니다"),
    "doctor.explain_collapsed": ("Its reconstructions are nearly the same picture whatever the input (they vary "
                                 "{spread}% as much as the images do), and its error, {error}, is no better than "
                                 "always answering the average training image ({baseline}). It learned the average, "
                                 "not the images: the model *collapsed*.",
                                 "입력이 무엇이든 복원이 거의 같은 그림입니다 (이미지끼리 다른 정도의 {spread}%만 "
                                 "다릅니다). 오차 {error}도 늘 학습 이미지의 평균을 답할 때({baseline})보다 낫지 "
                                 "않습니다. 이미지가 아니라 평균을 배운 것으로, 모델이 *붕괴*했습니다."),
    "doctor.explain_worse": ("Its reconstructions are nearly the same picture whatever the input (they vary "
                             "{spread}% as much as the images do), and its error, {error}, is even worse than always "
                             "answering the average training image ({baseline}). It has not even learned the "
                             "average yet, let alone the images: the model *collapsed*.",
                             "입력이 무엇이든 복원이 거의 같은 그림입니다 (이미지끼리 다른 정도의 {spread}%만 "
                             "다릅니다). 오차 {error}는 늘 학습 이미지의 평균을 답할 때({baseline})보다도 나쁩니다. "
                             "이미지는커녕 평균도 아직 배우지 못한 것으로, 모델이 *붕괴*했습니다."),
    "doctor.explain_weak": ("Its error, {error}, is {ratio} of what always answering the average training image "
                            "gives ({baseline}): better than the average, but the reconstructions are still blurry.",
                            "오차 {error}는 늘 학습 이미지의 평균을 답할 때({baseline})의 {ratio}배입니다: 평균보다는 "
                            "낫지만 복원은 아직 흐릿합니다."),
    "doctor.causes": ("What usually causes it here, most likely first:", "이런 경우 흔한 원인 (가능성 높은 순서):"),
    "doctor.stopped": ("It was stopped after {steps} steps, before the end.", "끝나기 전에 {steps}단계에서 멈췄습니다."),
    "doctor.few_steps": ("Too few steps: {epochs} epoch(s) × {per} batches of {batch} images = **{steps} updates** "
                         "of the weights. A model like this usually needs several hundred. More epochs or a smaller "
                         "batch give more updates.",
                         "단계가 너무 적습니다: {epochs} 에폭 × 배치 {per}개 (배치당 {batch}장) = 가중치 **{steps}번** "
                         "갱신. 이런 모델은 보통 수백 번이 필요합니다. 에폭을 늘리거나 배치를 줄이면 갱신 횟수가 "
                         "늘어납니다."),
    "doctor.low_lr": ("The learning rate {lr} is small: each update moves the weights very little.",
                      "학습률 {lr}이 작습니다: 한 번 갱신할 때 가중치가 아주 조금만 움직입니다."),
    "doctor.high_lr": ("The learning rate {lr} is large and the loss did not fall: the updates may overshoot.",
                       "학습률 {lr}이 크고 손실이 줄지 않았습니다: 갱신이 너무 멀리 튀는 것일 수 있습니다."),
    "doctor.diverged": ("The loss became infinite or not a number: the learning rate {lr} is too large.",
                        "손실이 무한대이거나 숫자가 아니게 되었습니다: 학습률 {lr}이 너무 큽니다."),
    "doctor.dead": ("{pct}% of the code's units are 0 for every image (dead ReLUs): nothing flows through them. A "
                    "smaller learning rate, or 'same' padding that keeps the border, often helps.",
                    "코드 단위의 {pct}%가 모든 이미지에서 0입니다 (죽은 ReLU): 그 단위로는 아무것도 흐르지 않습니다. "
                    "학습률을 줄이거나 가장자리를 지키는 'same' 패딩이 도움이 되곤 합니다."),
    "doctor.noise": ("The input noise {level} hides most of each image: there is little left to rebuild from.",
                     "입력 노이즈 {level}이 이미지 대부분을 가립니다: 복원할 단서가 거의 없습니다."),
    "doctor.sparsity": ("The sparsity weight {w} is large: the penalty pushes the whole code to zero.",
                        "희소성 가중치 {w}가 큽니다: 벌점이 코드 전체를 0으로 밀어냅니다."),
    "doctor.tiny_code": ("The code has only {n} number(s): very little can pass the bottleneck.",
                         "코드가 숫자 {n}개뿐입니다: 병목을 지날 수 있는 정보가 아주 적습니다."),
    "doctor.flat": ("The training loss hardly moved ({first} → {last}).", "학습 손실이 거의 변하지 않았습니다 ({first} → {last})."),
    "doctor.longer": ("It may simply need longer.", "그냥 더 오래 학습해야 할 수도 있습니다."),
    "doctor.apply": ("Try: {what}", "이렇게 해 보기: {what}"),
    "doctor.setting_epochs": ("epochs", "에폭"),
    "doctor.setting_batch_size": ("batch", "배치"),
    "doctor.setting_lr": ("learning rate", "학습률"),
    "doctor.setting_noise_level": ("noise level", "노이즈 세기"),
    "doctor.setting_sparsity": ("sparsity", "희소성"),
}
