"""Text of the 'Lessons' models' pages: linear = PCA, stacked, sparse, anomalies, the VAE, code sizes.
key -> (en, ko)."""

TEXT = {
    "nav.tools": ("Tools", "도구"),
    "nav.models": ("Lessons' models", "수업의 모델"),
    "nav.pca": ("Linear AE = PCA", "선형 AE = PCA"),
    "nav.stacked": ("Stacked & tied", "적층과 묶은 가중치"),
    "nav.sparse": ("Sparse codes", "희소 코드"),
    "nav.anomaly": ("Anomaly lab", "이상 탐지 실험실"),
    "nav.vae": ("The VAE", "VAE"),
    "nav.sizes": ("Code size & runs", "코드 크기와 학습 비교"),
    "family.ae": ("plain", "일반"),
    "family.tied": ("tied weights", "묶은 가중치"),
    "family.vae": ("VAE", "VAE"),
    "family.greedy": ("layer-wise pretraining", "층별 사전 학습"),
    "word.yes": ("yes", "예"),
    "word.no": ("no", "아니오"),
    "grid.originals_short": ("Test images", "테스트 이미지"),

    # ---- linear = PCA ------------------------------------------------------------------------------------
    "pca.title": ("📐 A linear autoencoder is PCA", "📐 선형 오토인코더는 PCA입니다"),
    "pca.intro": ("No activations, squared error, a code of k numbers: train it, and beside it fit scikit-learn's "
                  "PCA with k components on the same training images. Lessons 4 and 5 claim they find the same "
                  "thing. Check it here.",
                  "활성화 없이, 제곱 오차로, 숫자 k개짜리 코드를 학습합니다. 옆에서는 같은 학습 이미지로 "
                  "scikit-learn의 PCA를 성분 k개로 맞춥니다. 4강과 5강은 둘이 같은 것을 찾는다고 말합니다. "
                  "여기서 확인해 보세요."),
    "pca.k": ("Code size k", "코드 크기 k"),
    "pca.k_help": ("How many numbers the code has, and how many principal components PCA keeps.",
                   "코드의 숫자 개수이자 PCA가 남기는 주성분 개수입니다."),
    "pca.linear": ("Linear autoencoder", "선형 오토인코더"),
    "pca.deep": ("With a hidden ELU layer", "ELU 은닉층이 있는 모델"),
    "pca.m_pca": ("PCA error (k = {k})", "PCA 오차 (k = {k})"),
    "pca.m_pca_help": ("Mean squared error per pixel on the test images. These k components hold {pct}% of the "
                       "training images' variance.",
                       "테스트 이미지의 픽셀당 평균 제곱 오차. 이 성분 k개가 학습 이미지 분산의 {pct}%를 담습니다."),
    "pca.m_linear": ("Linear autoencoder error", "선형 오토인코더 오차"),
    "pca.m_angle": ("Largest principal angle", "가장 큰 주각"),
    "pca.m_angle_help": ("The angle between the two k-dimensional subspaces in their worst direction: 0° means "
                         "the autoencoder's decoder spans exactly PCA's subspace.",
                         "두 k차원 부분공간 사이의 가장 벌어진 방향의 각도: 0°이면 디코더가 PCA의 부분공간을 "
                         "정확히 펼칩니다."),
    "pca.m_deep": ("Error with a hidden ELU layer", "ELU 은닉층이 있을 때의 오차"),
    "pca.verdict_same": ("On the test images the linear autoencoder's error is **{ratio} × PCA's** and the largest "
                         "principal angle between their subspaces is **{angle}°** (mean {mean}°): the same subspace, "
                         "found by gradient descent.",
                         "테스트 이미지에서 선형 오토인코더의 오차는 **PCA의 {ratio}배**이고, 두 부분공간 사이의 "
                         "가장 큰 주각은 **{angle}°**(평균 {mean}°)입니다: 경사 하강법이 같은 부분공간을 찾았습니다."),
    "pca.verdict_not": ("On the test images the linear autoencoder's error is **{ratio} × PCA's** and the largest "
                        "principal angle is **{angle}°** (mean {mean}°): not yet PCA's subspace. It needs more steps "
                        "here (the slowest direction is the one whose variance is nearly that of the next).",
                        "테스트 이미지에서 선형 오토인코더의 오차는 **PCA의 {ratio}배**이고 가장 큰 주각은 "
                        "**{angle}°**(평균 {mean}°)입니다: 아직 PCA의 부분공간이 아닙니다. 여기서는 더 많은 단계가 "
                        "필요합니다 (분산이 다음 성분과 거의 같은 방향이 가장 느립니다)."),
    "pca.deep_below": ("With one hidden layer of 128 ELU units on each side and the same {k} numbers in the code, "
                       "the error falls to **{deep} × PCA's**: a nonlinear model is not bound to a flat subspace.",
                       "양쪽에 ELU 유닛 128개짜리 은닉층을 하나씩 두고 코드는 똑같이 숫자 {k}개로 하면 오차가 "
                       "**PCA의 {deep}배**로 내려갑니다: 비선형 모델은 평평한 부분공간에 묶이지 않습니다."),
    "pca.deep_above": ("With one hidden layer of 128 ELU units on each side and the same {k} numbers in the code, "
                       "the error is **{deep} × PCA's** here: not lower, on these images.",
                       "양쪽에 ELU 유닛 128개짜리 은닉층을 두고 코드는 똑같이 숫자 {k}개로 하면 여기서 오차는 "
                       "**PCA의 {deep}배**입니다: 이 이미지에서는 더 낮지 않습니다."),
    "pca.pictures": ("Components and decoder columns", "주성분과 디코더의 열"),
    "pca.pictures_caption": ("Top: PCA's principal components, most variance first. Bottom: what each code number "
                             "adds to the decoder's output. Mid-grey is zero, light positive, dark negative. Same "
                             "subspace, different basis: the columns are mixtures of the components.",
                             "위: 분산이 큰 순서로 PCA의 주성분. 아래: 코드의 숫자 하나가 디코더 출력에 더하는 것. "
                             "중간 회색이 0, 밝으면 양수, 어두우면 음수입니다. 부분공간은 같고 기저가 다릅니다: "
                             "열들은 주성분을 섞은 것입니다."),
    "pca.components": ("PCA's components", "PCA의 주성분"),
    "pca.columns": ("The linear autoencoder's decoder columns", "선형 오토인코더의 디코더 열"),
    "pca.angles_title": ("Principal angles between the two subspaces", "두 부분공간 사이의 주각"),
    "pca.angles_x": ("direction (largest angle first)", "방향 (큰 각부터)"),
    "pca.angles_y": ("degrees", "도"),
    "pca.curve_title": ("Test error against the code size", "코드 크기에 따른 테스트 오차"),
    "pca.curve_what": ("the curve", "곡선"),
    "pca.error_y": ("mean squared error per pixel", "픽셀당 평균 제곱 오차"),
    "pca.why_title": ("Why they meet, and why the last angle is the slowest", "왜 만나는지, 왜 마지막 각이 가장 느린지"),
    "pca.why": ("A linear autoencoder computes x̂ = W₂(W₁x + b₁) + b₂. Whatever its weights, x̂ lies in a flat, "
                "k-dimensional subspace. The best such subspace for squared error is PCA's: the mean image plus the "
                "top k principal directions (the Eckart–Young theorem). So training can at best reach PCA's error, "
                "and it does.\n\n"
                "It does not recover PCA's *basis*: W₂A and A⁻¹W₁ compute the same map for any invertible A, so the "
                "decoder's columns are mixtures of the components. That is why the angles between the subspaces, "
                "not the pictures, show the match.\n\n"
                "Where two components have almost the same variance, mixing them changes the error very little, so "
                "the gradient that separates them is tiny. This page's model uses a learning rate that decays to zero "
                "(a cosine schedule), which lets Adam settle there.\n\n"
                "A hidden layer with a nonlinearity is not bound to a flat subspace: it can bend. Lesson 5's shape "
                "does better than PCA with the same code. A single ReLU layer as the code does not: units that "
                "output 0 for an image carry nothing about it.",
                "선형 오토인코더는 x̂ = W₂(W₁x + b₁) + b₂를 계산합니다. 가중치가 무엇이든 x̂는 평평한 k차원 "
                "부분공간에 있습니다. 제곱 오차로 가장 좋은 부분공간은 PCA의 것입니다: 평균 이미지에 상위 k개 "
                "주성분 방향을 더한 공간입니다 (에카르트–영 정리). 그래서 학습은 기껏해야 PCA의 오차에 닿을 수 "
                "있고, 실제로 닿습니다.\n\n"
                "하지만 PCA의 *기저*까지 되찾지는 않습니다: 가역 행렬 A가 무엇이든 W₂A와 A⁻¹W₁은 같은 사상을 "
                "계산하므로, 디코더의 열은 주성분들을 섞은 것입니다. 그래서 그림이 아니라 부분공간 사이의 각도가 "
                "일치를 보여 줍니다.\n\n"
                "두 주성분의 분산이 거의 같으면 둘을 섞어도 오차가 거의 바뀌지 않아서, 둘을 가르는 기울기가 아주 "
                "작습니다. 이 페이지의 모델은 학습률을 0까지 줄이는 코사인 스케줄을 써서 Adam이 그곳에 자리 잡게 "
                "합니다.\n\n"
                "비선형 활성화가 있는 은닉층은 평평한 부분공간에 묶이지 않고 휠 수 있습니다. 그래서 5강의 모양은 "
                "같은 코드 크기에서 PCA보다 낫습니다. 코드 층 하나에 ReLU만 둔 모델은 그렇지 않습니다: 어떤 "
                "이미지에 0을 내는 유닛은 그 이미지에 대해 아무것도 전하지 못합니다."),

    # ---- stacked: tied weights and layer-wise pretraining ------------------------------------------------------
    "stacked.title": ("🥞 Stacked autoencoders: tied weights, layer by layer", "🥞 적층 오토인코더: 묶은 가중치, 층별 학습"),
    "stacked.intro": ("Lesson 5's autoencoder, 784 → 300 → 150 → 300 → 784 with ELU. Two of its ideas, each "
                      "trained here beside the plain model.",
                      "5강의 오토인코더, ELU를 쓰는 784 → 300 → 150 → 300 → 784입니다. 그 수업의 두 가지 생각을 "
                      "일반 모델과 나란히 학습해 봅니다."),
    "stacked.plain": ("Plain", "일반"),
    "stacked.tied": ("Tied weights", "묶은 가중치"),
    "stacked.greedy": ("Pretrained layer by layer", "층별 사전 학습"),
    "stacked.e2e": ("End to end", "처음부터 끝까지 한 번에"),
    "stacked.tied_title": ("Tied weights: the decoder is the encoder, transposed",
                           "묶은 가중치: 디코더는 인코더를 전치한 것"),
    "stacked.tied_text": ("Each decoder layer uses its mirror encoder layer's weight matrix, transposed. It keeps "
                          "only a bias of its own. Half the weights, and the decoder cannot drift away from what "
                          "the encoder learned.",
                          "디코더의 각 층은 거울처럼 마주 보는 인코더 층의 가중치 행렬을 전치해서 쓰고, 자기 것으로는 "
                          "편향만 가집니다. 가중치는 절반이고, 디코더가 인코더가 배운 것에서 멀어질 수 없습니다."),
    "stacked.params_plain": ("Parameters, plain", "파라미터, 일반"),
    "stacked.params_tied": ("Parameters, tied", "파라미터, 묶음"),
    "stacked.error_plain": ("Test error, plain", "테스트 오차, 일반"),
    "stacked.error_tied": ("Test error, tied", "테스트 오차, 묶음"),
    "stacked.tie_report": ("{n} decoder layers own no weight matrix: each uses its encoder mirror's, transposed. One "
                           "tensor in memory, not a copy: {same}.",
                           "디코더 층 {n}개에는 자기 가중치 행렬이 없고, 각각 마주 보는 인코더 층의 것을 전치해서 "
                           "씁니다. 복사본이 아니라 메모리의 같은 텐서인가: {same}."),
    "stacked.curve_title": ("Test loss per epoch", "에폭별 테스트 손실"),
    "stacked.test_loss": ("test loss (images)", "테스트 손실 (이미지)"),
    "stacked.greedy_title": ("Layer-wise pretraining: one pair of layers at a time",
                             "층별 사전 학습: 한 번에 층 한 쌍씩"),
    "stacked.greedy_text": ("First the outer pair (784 → 300 → 784) learns alone as a small autoencoder. Then the "
                            "inner pair (300 → 150 → 300) learns to rebuild the outer pair's codes. Then the two are "
                            "stacked and fine-tuned together. Each phase here is {e} epochs. Beside it, the whole "
                            "stack trained end to end for the same {total} epochs, the same number of steps.",
                            "먼저 바깥 쌍(784 → 300 → 784)이 혼자 작은 오토인코더로 학습합니다. 다음으로 안쪽 "
                            "쌍(300 → 150 → 300)이 바깥 쌍의 코드를 다시 만드는 법을 배웁니다. 그 뒤 둘을 쌓아 함께 "
                            "미세 조정합니다. 여기서는 단계마다 {e} 에폭입니다. 옆에는 전체를 한 번에 같은 {total} "
                            "에폭, 즉 같은 단계 수만큼 학습한 모델이 있습니다."),
    "stacked.phase_pair": ("Phase {k}: pair {k} alone", "{k}단계: {k}번째 쌍만"),
    "stacked.phase_fine": ("Last phase: all, fine-tuned", "마지막 단계: 전체 미세 조정"),
    "stacked.objective_images": ("loss on images", "이미지 손실"),
    "stacked.objective_codes": ("MSE on the outer pair's codes", "바깥 쌍의 코드에 대한 MSE"),
    "stacked.race_title": ("Image test loss of the model as it stands, step for step",
                           "단계마다, 그때까지 만든 모델의 이미지 테스트 손실"),
    "stacked.race_x": ("epoch (the same steps on both sides)", "에폭 (양쪽 단계 수가 같음)"),
    "stacked.race_verdict": ("After the same number of steps, the test error is {g} pretrained and {e} end to end: "
                             "{better}.",
                             "같은 단계 수 뒤에 테스트 오차는 층별 사전 학습 {g}, 한 번에 학습 {e}입니다: {better}."),
    "stacked.lower_greedy": ("the pretrained stack ends **lower** here", "여기서는 **층별 사전 학습** 쪽이 낮습니다"),
    "stacked.lower_e2e": ("end-to-end training ends **lower** here", "여기서는 **한 번에 학습한** 쪽이 낮습니다"),
    "stacked.why_title": ("Why pretrain at all?", "왜 사전 학습을 했을까?"),
    "stacked.why": ("In 2006 deep networks were hard to train from random weights: sigmoid units saturated and "
                    "gradients faded on the way down. Training one shallow pair at a time gave every layer a good "
                    "start, and fine-tuning finished the job. ReLU-like units, careful initialisation and Adam "
                    "made end-to-end training work, so pretraining is rarely needed now. It still helps when labels "
                    "are few: pretrain on many unlabelled images, then fine-tune on the few labelled ones. On this "
                    "page, check which side ends lower. With the same steps, the answer depends on the images.",
                    "2006년에는 깊은 신경망을 무작위 가중치에서 학습시키기 어려웠습니다: 시그모이드 유닛이 포화되고 "
                    "기울기가 아래로 내려가며 사라졌습니다. 얕은 층 한 쌍씩 학습하면 모든 층이 좋은 출발점을 얻고, "
                    "미세 조정이 마무리를 했습니다. ReLU 같은 유닛, 신중한 초기화, Adam 덕분에 한 번에 끝까지 "
                    "학습하는 것이 잘 되자 요즘은 사전 학습이 거의 필요 없습니다. 그래도 레이블이 적을 때는 "
                    "쓸모가 있습니다: 레이블 없는 이미지 많이로 사전 학습하고, 레이블 있는 적은 이미지로 미세 "
                    "조정합니다. 이 페이지에서 어느 쪽이 더 낮게 끝나는지 확인하세요. 단계 수가 같을 때 답은 "
                    "이미지에 따라 다릅니다."),

    # ---- sparse --------------------------------------------------------------------------------------------
    "sparse.title": ("✨ The sparse autoencoder", "✨ 희소 오토인코더"),
    "sparse.intro": ("784 → 64 sigmoid units → 784. A penalty keeps most code units near zero for any one image, so "
                     "each image is drawn by a few units (lesson 2). Beside it, the same model without the penalty.",
                     "784 → 시그모이드 유닛 64개 → 784. 벌점이 어떤 이미지에서든 코드 유닛 대부분을 0 가까이에 "
                     "묶어 두어, 이미지 하나를 유닛 몇 개가 그리게 됩니다 (2강). 옆에는 벌점 없는 같은 모델이 "
                     "있습니다."),
    "sparse.penalty": ("Penalty", "벌점"),
    "sparse.penalty_kl": ("KL(ρ ‖ ρ̂)", "KL(ρ ‖ ρ̂)"),
    "sparse.penalty_l1": ("L1 on the code", "코드에 L1"),
    "sparse.weight": ("Penalty weight", "벌점 가중치"),
    "sparse.rho_help": ("The target mean activation of every unit: ρ = 0.05 asks each unit to be on for about 5% "
                        "of the images.",
                        "모든 유닛의 목표 평균 활성값: ρ = 0.05는 유닛마다 이미지의 약 5%에서만 켜지라는 뜻입니다."),
    "sparse.base": ("No penalty", "벌점 없음"),
    "sparse.sparse": ("With the penalty", "벌점 있음"),
    "sparse.m_mean": ("Mean activation", "평균 활성값"),
    "sparse.m_mean_help": ("Over all units and test images. Without the penalty: {base}.",
                           "모든 유닛과 테스트 이미지에 대한 평균. 벌점이 없으면 {base}."),
    "sparse.m_near_zero": ("Near-zero activations", "0에 가까운 활성값"),
    "sparse.m_near_zero_help": ("Share of (image, unit) activations below 0.05.",
                                "(이미지, 유닛) 활성값 중 0.05 미만의 비율."),
    "sparse.m_dead": ("Dead units", "죽은 유닛"),
    "sparse.m_dead_help": ("Units that never reach 0.01 on any test image. Without the penalty: {base}.",
                           "어떤 테스트 이미지에서도 0.01에 못 미치는 유닛. 벌점이 없으면 {base}개."),
    "sparse.m_error": ("Test error (MSE)", "테스트 오차 (MSE)"),
    "sparse.units_title": ("Mean activation of every code unit, most active first",
                           "코드 유닛마다의 평균 활성값, 활발한 순서"),
    "sparse.units_x": ("unit (sorted)", "유닛 (정렬)"),
    "sparse.units_y": ("mean activation over the test images", "테스트 이미지에 대한 평균 활성값"),
    "sparse.units_caption_kl": ("The dashed line is the target ρ = {rho}. KL(ρ ‖ ρ̂) grows as a unit's mean "
                                "activation ρ̂ moves away from ρ, so the penalty pulls every unit towards it.",
                                "점선이 목표 ρ = {rho}입니다. 유닛의 평균 활성값 ρ̂가 ρ에서 멀어질수록 KL(ρ ‖ ρ̂)가 "
                                "커지므로, 벌점이 모든 유닛을 그쪽으로 당깁니다."),
    "sparse.units_caption_l1": ("L1 adds the mean size of the code to the loss: it pushes every unit down, and some "
                                "to zero for good.",
                                "L1은 코드 크기의 평균을 손실에 더합니다: 모든 유닛을 아래로 밀고, 일부는 아예 0으로 "
                                "만듭니다."),
    "sparse.always_on": ("Without the penalty, {n} of the {k} units stay above 0.95 for every test image: always "
                         "on, they tell the images apart no better than units that are always off.",
                         "벌점이 없으면 유닛 {k}개 중 {n}개가 모든 테스트 이미지에서 0.95 위에 머뭅니다: 늘 켜져 "
                         "있어서, 늘 꺼져 있는 유닛처럼 이미지를 구별하는 데 도움이 되지 않습니다."),
    "sparse.atoms_title": ("What each unit draws", "유닛마다 그리는 것"),
    "sparse.atoms_caption": ("Each picture is the decoder's output with one unit at 1 minus its output with that unit "
                             "at 0, the other units at their mean activation: light where the unit adds ink, dark "
                             "where it removes it. Under each, the unit's mean activation ± how much it varies from image to image; the "
                             "units that vary most (that tell images apart) first.",
                             "그림마다 다른 유닛은 평균 활성값에 두고 유닛 하나를 1로 했을 때의 디코더 출력에서 0으로 "
                             "했을 때의 출력을 뺀 것입니다: 유닛이 잉크를 더하는 곳은 밝고, 지우는 곳은 어둡습니다. "
                             "아래 숫자는 그 유닛의 평균 활성값 ± 이미지마다 달라지는 정도이며, 가장 많이 달라지는 (이미지를 구별하는) "
                             "유닛부터 보입니다."),
    "sparse.why_title": ("Why a sparse code?", "왜 희소한 코드일까?"),
    "sparse.why": ("A code with more units than it needs could simply copy its input. Keeping most units off for "
                   "any one image forces each unit to stand for something that comes back across many images: a "
                   "stroke, a curve, a patch of texture. KL(ρ ‖ ρ̂) = ρ log(ρ/ρ̂) + (1−ρ) log((1−ρ)/(1−ρ̂)) compares "
                   "each unit's mean activation ρ̂ with the target ρ. L1 instead adds the mean size of the code to "
                   "the loss.",
                   "필요보다 유닛이 많은 코드는 입력을 그냥 베낄 수 있습니다. 어떤 이미지든 유닛 대부분을 꺼 두게 "
                   "하면, 유닛마다 여러 이미지에 되풀이해 나오는 무언가를 맡게 됩니다: 획, 곡선, 질감 조각 같은 "
                   "것입니다. KL(ρ ‖ ρ̂) = ρ log(ρ/ρ̂) + (1−ρ) log((1−ρ)/(1−ρ̂))는 유닛의 평균 활성값 ρ̂를 목표 ρ와 "
                   "비교합니다. L1은 대신 코드 크기의 평균을 손실에 더합니다."),

    # ---- anomalies ------------------------------------------------------------------------------------------
    "anomaly.title": ("🚨 Anomaly lab", "🚨 이상 탐지 실험실"),
    "anomaly.intro": ("Train on one kind of image only. The autoencoder learns to rebuild that kind well and "
                      "everything else badly, so its reconstruction error becomes an anomaly score (lesson 2: "
                      "one tissue type of PathMNIST).",
                      "한 종류의 이미지로만 학습합니다. 오토인코더는 그 종류는 잘, 나머지는 서툴게 다시 만들게 되므로 "
                      "복원 오차가 이상 점수가 됩니다 (2강: PathMNIST의 조직 한 종류)."),
    "anomaly.normal": ("Normal class (the only one it sees)", "정상 클래스 (학습에서 보는 유일한 것)"),
    "anomaly.model": ("Lesson 1's conv autoencoder, trained on '{cls}' only", "'{cls}'만으로 학습한 1강의 합성곱 오토인코더"),
    "anomaly.one_sided": ("The test images are all of one kind here, so there is nothing to tell apart. Choose "
                          "another dataset.",
                          "여기서는 테스트 이미지가 모두 한 종류라 구별할 것이 없습니다. 다른 데이터셋을 고르세요."),
    "anomaly.threshold": ("Threshold: an error above it is flagged as an anomaly",
                          "임계값: 오차가 이보다 크면 이상으로 표시"),
    "anomaly.threshold_help": ("It starts at the error that 95% of the normal test images stay under.",
                               "정상 테스트 이미지의 95%가 밑에 머무는 오차에서 시작합니다."),
    "anomaly.tp": ("Anomalies caught", "잡은 이상"),
    "anomaly.tp_help": ("Other classes flagged: true positives.", "표시된 다른 클래스: 참 양성."),
    "anomaly.fn": ("Anomalies missed", "놓친 이상"),
    "anomaly.fn_help": ("Other classes under the threshold: false negatives.", "임계값 아래의 다른 클래스: 거짓 음성."),
    "anomaly.fp": ("False alarms", "잘못된 경보"),
    "anomaly.fp_help": ("Normal images flagged: false positives.", "표시된 정상 이미지: 거짓 양성."),
    "anomaly.tn": ("Normal, passed", "정상, 통과"),
    "anomaly.tn_help": ("Normal images under the threshold: true negatives.", "임계값 아래의 정상 이미지: 참 음성."),
    "anomaly.auc_help": ("Area under the ROC curve: the chance that a random anomaly scores higher than a random "
                         "normal image (1 is perfect, 0.5 is chance). It does not depend on the threshold.",
                         "ROC 곡선 아래 넓이: 무작위로 고른 이상 이미지가 무작위로 고른 정상 이미지보다 점수가 높을 "
                         "확률입니다 (1이 완벽, 0.5가 우연). 임계값과 상관없습니다."),
    "anomaly.normal_group": ("normal: {cls}", "정상: {cls}"),
    "anomaly.other_group": ("every other class", "나머지 모든 클래스"),
    "anomaly.hist_title": ("Reconstruction errors, each group as shares", "복원 오차, 집단마다 비율로"),
    "anomaly.error_x": ("reconstruction error (MSE per pixel)", "복원 오차 (픽셀당 MSE)"),
    "anomaly.share_y": ("share of the group's images", "집단 안의 비율"),
    "anomaly.roc_title": ("ROC curve: every threshold at once (the dot is yours)", "ROC 곡선: 모든 임계값을 한 번에 (점이 지금 값)"),
    "anomaly.fpr": ("false alarm rate (normal flagged)", "잘못된 경보율 (표시된 정상)"),
    "anomaly.tpr": ("catch rate (anomalies flagged)", "탐지율 (표시된 이상)"),
    "anomaly.worst_title": ("The worst-rebuilt test images", "가장 못 복원한 테스트 이미지"),
    "anomaly.worst_caption": ("Top: the images with the largest errors (class · error). Below them: what the model, "
                              "which has only seen '{cls}', made of them.",
                              "위: 오차가 가장 큰 이미지 (클래스 · 오차). 그 아래: '{cls}'만 본 모델이 그 이미지로 만든 것."),
    "anomaly.why_title": ("Why does this work, and when does it not?", "왜 되는지, 언제 안 되는지"),
    "anomaly.why": ("The model never saw the other classes, so its code has no room for them: it rebuilds them as "
                    "something it knows, and the difference shows. It fails when another class is simple enough "
                    "to be rebuilt anyway (a thin '1' fits inside most digits), or when the normal class varies a "
                    "lot. The threshold trades catches for false alarms. The ROC curve shows every trade at once.",
                    "모델은 다른 클래스를 본 적이 없어서 코드에 그것들을 담을 자리가 없습니다: 아는 무언가로 "
                    "바꿔 복원하니 차이가 드러납니다. 다른 클래스가 어차피 복원될 만큼 단순하거나 (가는 '1'은 "
                    "대부분의 숫자 안에 들어갑니다), 정상 클래스가 아주 다양하면 실패합니다. 임계값은 탐지와 "
                    "잘못된 경보를 맞바꿉니다. ROC 곡선은 그 모든 맞바꿈을 한 번에 보여 줍니다."),

    # ---- the VAE ------------------------------------------------------------------------------------------
    "vae.title": ("🎲 The VAE: from rebuilding to generating", "🎲 VAE: 복원에서 생성으로"),
    "vae.intro": ("A plain autoencoder rebuilds images, but it is not a generative model: decode a random code and "
                  "you get whatever its decoder does there. A VAE is trained so that codes drawn from N(0, I) "
                  "decode to plausible images (lessons 3 and 4 point to it as the next step). Here both have lesson "
                  "2's conv encoder and decoder and the same code size.",
                  "일반 오토인코더는 이미지를 복원하지만 생성 모델은 아닙니다: 무작위 코드를 디코딩하면 디코더가 "
                  "그곳에서 내는 무언가가 나올 뿐입니다. VAE는 N(0, I)에서 뽑은 코드가 그럴듯한 이미지로 "
                  "디코딩되도록 학습합니다 (3강과 4강이 다음 단계로 가리킵니다). 여기서 둘은 2강의 합성곱 "
                  "인코더와 디코더를 쓰고 코드 크기도 같습니다."),
    "vae.latent": ("Code size", "코드 크기"),
    "vae.latent_help": ("With 2 numbers the whole code space can be drawn as a map.",
                        "숫자가 2개면 코드 공간 전체를 지도로 그릴 수 있습니다."),
    "vae.beta_help": ("The weight of the KL term, which pulls every image's code distribution towards N(0, I). "
                      "Larger: a tidier code space, blurrier images.",
                      "KL 항의 가중치: 이미지마다의 코드 분포를 N(0, I) 쪽으로 당깁니다. 크면 코드 공간은 정돈되고 "
                      "이미지는 흐려집니다."),
    "vae.plain": ("Plain autoencoder", "일반 오토인코더"),
    "vae.vae": ("VAE", "VAE"),
    "vae.samples_title": ("Random codes, decoded", "무작위 코드를 디코딩하기"),
    "vae.samples_caption": ("The same {d}-number codes drawn from N(0, I) for both models; a third row for the plain "
                            "model from a Gaussian fitted to its own codes (its fairest chance).",
                            "두 모델에 N(0, I)에서 뽑은 같은 {d}차원 코드를 넣습니다. 셋째 줄은 일반 모델의 코드에 "
                            "맞춘 가우시안에서 뽑은 코드입니다 (일반 모델에 가장 공정한 기회)."),
    "vae.vae_prior": ("VAE · codes from N(0, I)", "VAE · N(0, I)에서 뽑은 코드"),
    "vae.plain_prior": ("Plain · the same codes from N(0, I)", "일반 · N(0, I)에서 뽑은 같은 코드"),
    "vae.plain_matched": ("Plain · codes matched to its own codes' mean and spread",
                          "일반 · 자기 코드의 평균과 퍼짐에 맞춘 코드"),
    "vae.code_stats": ("**{name}**: over the test images the codes' mean is {mean} away from 0 and their spread is "
                       "{std}, on average per number (N(0, I): 0 and 1).",
                       "**{name}**: 테스트 이미지의 코드는 숫자 하나당 평균으로 0에서 {mean}만큼 떨어져 있고 퍼짐은 "
                       "{std}입니다 (N(0, I)는 0과 1)."),
    "vae.map_title": ("The whole code space as a map", "코드 공간 전체를 지도로"),
    "vae.map_caption": ("Above: every test image's code, coloured by class, with the circle holding 95% of "
                        "N(0, I). Below: the decoder's drawing at a 10 × 10 grid of codes spread like N(0, I). The "
                        "VAE's codes fill the circle, so its grid shows every kind of image. The plain model's codes "
                        "lie where training put them, and the same grid covers only a patch.",
                        "짝마다 위: 테스트 이미지마다의 코드를 클래스 색으로, 그리고 N(0, I)의 95%를 담는 원. 아래: "
                        "N(0, I)처럼 퍼진 10 × 10 격자의 코드에서 디코더가 그린 것. VAE의 코드는 원을 채우므로 격자에 "
                        "모든 종류가 나옵니다. 일반 모델의 코드는 학습이 놓은 곳에 있어서, 같은 격자가 일부만 "
                        "덮습니다."),
    "vae.codes_title": ("{name}: test codes", "{name}: 테스트 코드"),
    "vae.grid_of": ("{name}: decoded grid", "{name}: 디코딩한 격자"),
    "vae.walk_title": ("A walk between two images", "두 이미지 사이 걷기"),
    "vae.walk_caption": ("From the first test image to the first of another class, in straight steps between their "
                         "codes.",
                         "첫 테스트 이미지에서 다른 클래스의 첫 이미지까지, 두 코드 사이를 곧게 나눈 걸음입니다."),
    "vae.why_title": ("What makes the difference", "무엇이 차이를 만드나"),
    "vae.why": ("The VAE's encoder gives a mean μ and a spread σ per image, and training decodes a sample "
                "z = μ + σ·ε with ε from N(0, I) (the reparameterisation trick: the randomness is in ε, so gradients "
                "reach μ and σ). Its loss adds β × KL(N(μ, σ²) ‖ N(0, I)) = β × ½ Σ (μ² + σ² − 1 − log σ²) to the "
                "reconstruction error. That pulls all the codes into one ball around 0, with no gaps, so a random "
                "code from N(0, I) lands where the decoder has learned to draw. The plain autoencoder has no such "
                "pull: its codes spread as they like, and most of N(0, I) is ground its decoder never saw.",
                "VAE의 인코더는 이미지마다 평균 μ와 퍼짐 σ를 내고, 학습은 ε ~ N(0, I)로 뽑은 z = μ + σ·ε를 "
                "디코딩합니다 (재매개변수화 기법: 무작위성이 ε에 있으므로 기울기가 μ와 σ에 닿습니다). 손실은 복원 "
                "오차에 β × KL(N(μ, σ²) ‖ N(0, I)) = β × ½ Σ (μ² + σ² − 1 − log σ²)를 더합니다. 이것이 모든 코드를 0 "
                "주위의 빈틈없는 공 하나로 모으므로, N(0, I)에서 뽑은 무작위 코드가 디코더가 그리는 법을 배운 "
                "곳에 떨어집니다. 일반 오토인코더에는 그런 당김이 없습니다: 코드가 제멋대로 퍼지고, N(0, I)의 "
                "대부분은 디코더가 본 적 없는 땅입니다."),

    # ---- code size and comparing runs ---------------------------------------------------------------------
    "sizes.title": ("📏 Code size, and two runs side by side", "📏 코드 크기, 그리고 두 학습 나란히 보기"),
    "sizes.intro": ("How much does a bigger bottleneck buy? Train one model at several code sizes and see the "
                    "error and the pictures. Then compare any two finished runs: their settings, curves and "
                    "reconstructions.",
                    "병목을 키우면 얼마나 나아질까요? 한 모델을 여러 코드 크기로 학습해 오차와 그림을 봅니다. "
                    "그다음 끝난 학습 두 개를 골라 설정, 곡선, 복원을 비교합니다."),
    "sizes.sizes": ("Code sizes", "코드 크기"),
    "sizes.what": ("the sweep", "크기 비교"),
    "sizes.error": ("test error (MSE)", "테스트 오차 (MSE)"),
    "sizes.curve_title": ("Test error against the code size", "코드 크기에 따른 테스트 오차"),
    "sizes.compare_title": ("Compare two runs", "학습 두 개 비교하기"),
    "sizes.compare_need": ("Two finished runs are needed: train on any page (or above), then come back.",
                           "끝난 학습이 두 개 필요합니다: 아무 페이지(또는 위)에서 학습한 뒤 돌아오세요."),
    "sizes.run_a": ("Run A", "학습 A"),
    "sizes.run_b": ("Run B", "학습 B"),
    "sizes.setting": ("Setting", "설정"),
    "sizes.same_settings": ("The two runs have the same settings.", "두 학습의 설정이 같습니다."),
    "sizes.curves_title": ("Test loss per epoch", "에폭별 테스트 손실"),
    "sizes.other_images": ("The two runs work on different images, so they cannot rebuild the same ones.",
                           "두 학습이 서로 다른 이미지를 다루므로 같은 이미지를 복원해 볼 수 없습니다."),
    "sizes.unreadable": ("One of these runs cannot be loaded any more (its file is missing or damaged).",
                         "이 중 한 학습을 더는 불러올 수 없습니다 (파일이 없거나 손상됨)."),
}
